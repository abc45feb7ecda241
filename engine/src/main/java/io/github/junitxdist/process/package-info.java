/**
 * Worker processes and handles: building the {@code java} command line and classpath, starting workers, the loopback
 * server they connect to, the {@link io.github.junitxdist.process.WorkerHandle} state machine of each worker, its
 * time limits, and the {@link io.github.junitxdist.process.WorkerPool} that keeps workers warm between runs behind the
 * {@link io.github.junitxdist.process.Workers} seam.
 *
 * <p>Depends on {@code api} and {@code protocol} only (it names the worker's main class, as a string).
 */
@NullMarked
package io.github.junitxdist.process;

import org.jspecify.annotations.NullMarked;
