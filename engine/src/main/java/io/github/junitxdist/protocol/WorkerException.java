package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.io.Serial;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for an exception thrown in a worker JVM whose class could not be rebuilt in the calling JVM (it exists only
 * in the worker, or it could not be serialized).
 *
 * <p>{@link #toString()} shows the original class name, so reports read as they would without junit-xdist; the stack
 * trace, causes and suppressed exceptions are the original ones.
 *
 * <p>Its own fields are immutable; cause and suppressed throwables follow {@link Throwable}'s rules.
 *
 * @since 0.1
 */
@API(status = MAINTAINED, since = "0.1")
public final class WorkerException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    WorkerException(String originalClassName, @Nullable String message) {
        super(message);
        this.originalClassName = originalClassName;
    }

    /** The fully qualified name of the exception's class in the worker. */
    public String getOriginalClassName() {
        return originalClassName;
    }

    @Override
    @SuppressWarnings("OverrideThrowableToString") // the point: reports show the worker's class name, not ours
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
