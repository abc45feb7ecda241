package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What a worker tells the run that holds it. Called on the worker's reading thread unless said otherwise; must be
 * thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface WorkerEvents {

    /** A worker of this run connected; called on the thread that accepted the connection, not the reading thread. */
    void connected(WorkerHandle worker, WorkerLink link);

    void unitFinished(WorkerHandle worker, WorkerJob job, long nanos);

    void workerLost(WorkerHandle worker, @Nullable WorkerJob job, boolean resumable, String reason);

    /** The worker reported the first event of its first unit: its JVM and the JUnit Platform in it are warm. */
    void warmedUp(WorkerHandle worker);

    /** Whether the run is cancelled; asked right after a failure was relayed, which may have cancelled it. */
    boolean cancelRequested();

    /** Output the worker wrote while it ran no unit. */
    void output(Message.Output output);
}
