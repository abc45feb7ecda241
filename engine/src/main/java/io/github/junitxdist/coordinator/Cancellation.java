package io.github.junitxdist.coordinator;

import io.github.junitxdist.relay.RelayListener;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.ExecutionRequest;

/**
 * Whether the run should start no more units: the launcher cancelled it (JUnit 6's {@code CancellationToken}, e.g.
 * ConsoleLauncher {@code --fail-fast} or Surefire {@code skipAfterFailureCount}), or {@code xdist.maxfail} tests have
 * failed.
 *
 * <p>The engine is compiled against JUnit 5.14, which has no cancellation token; on JUnit 6 it is reached reflectively.
 * Thread-safe: the coordinator asks between events, relay threads right after relaying a failure.
 */
final class Cancellation {

    private final @Nullable Object token;
    private final @Nullable Method isCancellationRequested;
    private final OptionalInt maxFail;
    private final RelayListener listener;

    private Cancellation(
            @Nullable Object token,
            @Nullable Method isCancellationRequested,
            OptionalInt maxFail,
            RelayListener listener) {
        this.token = token;
        this.isCancellationRequested = isCancellationRequested;
        this.maxFail = maxFail;
        this.listener = listener;
    }

    static Cancellation of(ExecutionRequest request, OptionalInt maxFail, RelayListener listener) {
        try {
            Object token =
                    ExecutionRequest.class.getMethod("getCancellationToken").invoke(request);
            Method check =
                    Class.forName("org.junit.platform.engine.CancellationToken").getMethod("isCancellationRequested");
            return new Cancellation(token, check, maxFail, listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new Cancellation(null, null, maxFail, listener);
        }
    }

    /** A run that only {@code xdist.maxfail} cancels (the launcher's token is not consulted). */
    /** Whether only the launcher can cancel the run: no {@code xdist.maxfail} is set. */
    boolean launcherOnly() {
        return maxFail.isEmpty();
    }

    static Cancellation byMaxFail(OptionalInt maxFail, RelayListener listener) {
        return new Cancellation(null, null, maxFail, listener);
    }

    /** Whether the launcher cancelled the run ({@code xdist.maxfail} aside). */
    boolean launcherCancelled() {
        return requested();
    }

    /** Why no more units should start, if they should not. */
    Optional<String> reason() {
        if (maxFail.isPresent() && listener.failedTests() >= maxFail.getAsInt()) {
            return Optional.of(
                    "junit-xdist: not run, xdist.maxfail=%d failed tests reached".formatted(maxFail.getAsInt()));
        }
        if (requested()) {
            return Optional.of("junit-xdist: not run, the run was cancelled");
        }
        return Optional.empty();
    }

    private boolean requested() {
        if (token == null || isCancellationRequested == null) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(isCancellationRequested.invoke(token));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
