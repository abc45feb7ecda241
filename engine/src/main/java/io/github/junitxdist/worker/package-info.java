/**
 * The worker side: {@link io.github.junitxdist.worker.WorkerMain}, the forked JVM's entry point, and the
 * {@link io.github.junitxdist.worker.UnitRunner} that runs one unit through a Launcher of its own (also used for tests
 * that run in the calling JVM).
 *
 * <p>Depends on {@code api}, {@code discovery} (to keep discovery issues from being reported twice), {@code protocol} and
 * the JUnit Platform launcher and Jupiter engine.
 */
@NullMarked
package io.github.junitxdist.worker;

import org.jspecify.annotations.NullMarked;
