package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.MAINTAINED;

import java.io.Serial;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for an assertion error thrown in a worker JVM whose class could not be rebuilt in the calling JVM (it exists only
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
public final class WorkerAssertionError extends AssertionError {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    @SuppressWarnings("serial") // a String
    private final @Nullable String message;

    WorkerAssertionError(String originalClassName, @Nullable String message) {
        // AssertionError(Object) would turn a null message into "null"; keep our own.
        super();
        this.originalClassName = originalClassName;
        this.message = message;
    }

    @Override
    public @Nullable String getMessage() {
        return message;
    }

    /** The fully qualified name of the error's class in the worker. */
    public String getOriginalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
