/**
 * The coordinator: one loop on the thread that executes the run, with one event queue, that starts workers, hands
 * them units as the scheduler decides, reacts to units ending and workers being lost (reruns, the restart budget, start
 * limits), enforces timeouts and cancellation; plus the in-process path ({@code xdist.workers=0} or a debugger) and
 * {@link io.github.junitxdist.coordinator.XdistExecutor}, which chooses between them.
 *
 * <p>It talks to workers only through {@link io.github.junitxdist.process.Workers} and
 * {@link io.github.junitxdist.process.WorkerHandle}, so scripted fake workers can drive it in plain unit tests.
 *
 * <p>Depends on {@code api} (including the exception it fails tests with), {@code config}, {@code discovery},
 * {@code history}, {@code plan}, {@code process}, {@code protocol}, {@code relay}, {@code report} (what a forked run tells the
 * user at its end), {@code scheduling} and {@code worker} (whose unit runner serves the in-process path). Only {@code engine} depends on it.
 */
@NullMarked
package io.github.junitxdist.coordinator;

import org.jspecify.annotations.NullMarked;
