package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message.ToParent;
import io.github.junitxdist.protocol.Message.UnitDone;
import org.apiguardian.api.API;

/**
 * A unit the worker runs, as the run relays it. Called on the worker's reading thread only.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface WorkerJob {
    /** Relays one event or output of the unit. */
    void relay(ToParent message);

    /** The worker said the unit is done; what it did not report is reported now. */
    void done(UnitDone done, String workerName);

    /** The worker was lost while running the unit: fails what it ran; tells whether the rest may run elsewhere. */
    boolean lost(String reason);

    /**
     * When the innermost test or container the worker runs started, as a {@link System#nanoTime()}; 0 if none. The
     * exception to the rule above: asked on the coordinator thread, for the timeout.
     */
    long innermostSince();
}
