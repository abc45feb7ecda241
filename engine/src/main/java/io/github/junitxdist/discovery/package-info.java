/**
 * Discovery: taking tests over from the Jupiter engine (the take-over record, its post-discovery filter and discovery
 * listener), keeping the discovery issues Jupiter reports from being reported again, checking where junit-xdist's
 * annotations are placed, asking the {@code FixtureAffinity} implementations which fixture each class needs, and
 * re-selecting one unit in a worker.
 *
 * <p>Depends on {@code api}, the JUnit Platform commons, engine and launcher APIs, the Jupiter API ({@code @Nested})
 * and the Jupiter engine (to tell whether Jupiter discovers too).
 */
@NullMarked
package io.github.junitxdist.discovery;

import org.jspecify.annotations.NullMarked;
