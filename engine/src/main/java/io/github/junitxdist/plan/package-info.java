/**
 * The plan of a run: the items of the pruned tree, the units cut from them, how a worker re-selects each unit, and an
 * index of every descriptor by unique id.
 *
 * <p>Depends on {@code discovery} (items and their traits, unit selectors), {@code scheduling} (units) and
 * {@code protocol} (the request that runs a unit).
 */
@NullMarked
package io.github.junitxdist.plan;

import org.jspecify.annotations.NullMarked;
