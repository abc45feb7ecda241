/**
 * Discovery: taking tests over from the Jupiter engine (the take-over record, its post-discovery filter and discovery
 * listener), keeping the discovery issues Jupiter reports from being reported again, checking where junit-xdist's
 * annotations are placed, asking the {@code FixtureAffinity} implementations which fixture each class needs,
 * re-selecting one unit in a worker, and the test items of a tree with the traits (serial, group, locks) that decide
 * how they are cut into units.
 *
 * <p>Depends on {@code api}, {@code scheduling} (the items and locks it describes), the JUnit Platform commons, engine
 * and launcher APIs, the Jupiter API ({@code @Nested}) and the Jupiter engine (to tell whether Jupiter discovers too).
 */
@NullMarked
package io.github.junitxdist.discovery;

import org.jspecify.annotations.NullMarked;
