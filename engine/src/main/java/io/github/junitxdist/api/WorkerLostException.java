package io.github.junitxdist.api;

import static org.apiguardian.api.API.Status.INTERNAL;
import static org.apiguardian.api.API.Status.MAINTAINED;

import java.io.Serial;
import org.apiguardian.api.API;

/**
 * Fails the tests a worker JVM was running, or was about to run, when it died or could not start; the message names
 * the worker, how it ended and the last lines of its stderr.
 *
 * @since 0.1
 */
@API(status = MAINTAINED, since = "0.1")
public final class WorkerLostException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Thrown by junit-xdist only. */
    @API(status = INTERNAL, since = "0.1")
    public WorkerLostException(String message) {
        super(message);
    }
}
