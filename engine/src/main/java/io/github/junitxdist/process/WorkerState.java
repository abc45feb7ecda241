package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * Where a worker stands.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public enum WorkerState {
    /** Its JVM was started; it has not connected yet. */
    STARTING,
    /** Connected; the run that holds it has not sent it its {@code Init} yet. */
    CONNECTED,
    /** Ready for a unit of the run that holds it. */
    IDLE,
    /** Running a unit. */
    RUNNING,
    /** Given back to the pool, or stopped on purpose: its end is no loss. */
    RELEASED,
    /** Its connection ended while it was not released. Final. */
    LOST
}
