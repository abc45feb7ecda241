package io.github.junitxdist.worker;

import java.lang.reflect.Method;
import org.jspecify.annotations.Nullable;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;

/**
 * Runs a unit so that it can be cancelled half-way, with JUnit 6's {@code CancellationToken}: Jupiter then skips the
 * tests that have not started.
 *
 * <p>The engine is compiled against JUnit 5.14, which has no token, so JUnit 6's API is reached reflectively; on 5.14
 * {@link #create()} returns {@code null} and units run to their end. Thread-safe: {@link #cancel()} may be called from
 * any thread while {@link #execute} runs.
 */
final class CancellableExecution {

    private final Method createToken;
    private final Method cancel;
    private final Method request;
    private final Method listeners;
    private final Method cancellationToken;
    private final Method build;
    private final Method execute;
    private volatile @Nullable Object currentToken;

    private CancellableExecution(Class<?> token, Class<?> builder, Class<?> executionRequest)
            throws ReflectiveOperationException {
        this.createToken = token.getMethod("create");
        this.cancel = token.getMethod("cancel");
        this.request = builder.getMethod("request", LauncherDiscoveryRequest.class);
        this.listeners = builder.getMethod("listeners", TestExecutionListener[].class);
        this.cancellationToken = builder.getMethod("cancellationToken", token);
        this.build = builder.getMethod("build");
        this.execute = Launcher.class.getMethod("execute", executionRequest);
    }

    /** Support for cancellation, or {@code null} on a JUnit version without it. */
    static @Nullable CancellableExecution create() {
        try {
            return new CancellableExecution(
                    Class.forName("org.junit.platform.engine.CancellationToken"),
                    Class.forName("org.junit.platform.launcher.core.LauncherExecutionRequestBuilder"),
                    Class.forName("org.junit.platform.launcher.LauncherExecutionRequest"));
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    void execute(Launcher launcher, LauncherDiscoveryRequest discoveryRequest, TestExecutionListener listener) {
        try {
            Object token = createToken.invoke(null);
            currentToken = token;
            Object builder = request.invoke(null, discoveryRequest);
            listeners.invoke(builder, (Object) new TestExecutionListener[] {listener});
            cancellationToken.invoke(builder, token);
            execute.invoke(launcher, build.invoke(builder));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("junit-xdist could not run a unit through JUnit 6's launcher API", e);
        } finally {
            currentToken = null;
        }
    }

    /** Cancels the unit running now, if any; the parent starts no new unit after a cancellation. */
    void cancel() {
        Object token = currentToken;
        if (token != null) {
            try {
                cancel.invoke(token);
            } catch (ReflectiveOperationException e) {
                // the unit runs to its end
            }
        }
    }

    private static RuntimeException rethrow(@Nullable Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }
}
