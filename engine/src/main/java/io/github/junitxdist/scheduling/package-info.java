/**
 * Scheduling: work units and the strategies that hand them to workers.
 *
 * <p>Pure logic: no I/O, no threads. Depends on nothing else in junit-xdist.
 */
@NullMarked
package io.github.junitxdist.scheduling;

import org.jspecify.annotations.NullMarked;
