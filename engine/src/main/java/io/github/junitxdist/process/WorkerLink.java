package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message.ToWorker;
import java.io.IOException;
import org.apiguardian.api.API;

/**
 * The connection to a worker: how messages are sent to it and how its messages are read.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface WorkerLink {
    /** Sends one message; may be called from any thread. */
    void send(ToWorker message) throws IOException;

    /**
     * Starts handing the worker's messages to {@link WorkerHandle#received}, one at a time and in order, then the
     * end of the connection to {@link WorkerHandle#connectionEnded}, on one thread.
     */
    void startReading(WorkerHandle handle);

    /**
     * Whether the thread reading the worker's messages is still alive (true before {@link #startReading}). When it is
     * gone without having reported the end of the connection (an error while reporting it, such as an {@link
     * OutOfMemoryError}), the coordinator reports the loss itself rather than wait forever.
     */
    boolean reading();

    void close();
}
