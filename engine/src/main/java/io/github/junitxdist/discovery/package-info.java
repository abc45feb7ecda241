/**
 * Discovery: taking tests over from the Jupiter engine (the take-over record, its post-discovery filter and discovery
 * listener), keeping the discovery issues Jupiter reports from being reported again, checking where junit-xdist's
 * annotations are placed, re-selecting one unit in a worker, and the test items of a tree with the traits (serial,
 * group, locks) that decide how they are cut into units.
 *
 * <p>Depends on {@code api}, {@code scheduling} (the items and locks it describes), the JUnit Platform engine and
 * launcher APIs, and the Jupiter API ({@code @Nested}).
 */
@NullMarked
package io.github.junitxdist.discovery;

import org.jspecify.annotations.NullMarked;
