package io.github.junitxdist.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message.RunUnit;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs work units through a Launcher of its own that knows only the worker engine.
 *
 * <p>One runner keeps one {@link LauncherSession} for its whole life, so {@code LauncherSessionListener}s and
 * session-scoped resources are set up once per worker, not once per unit. Not thread-safe: one unit at a time.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class UnitRunner implements AutoCloseable {

    private final LauncherSession session;
    private final @Nullable CancellableExecution cancellable = CancellableExecution.create();

    /**
     * @param sessionListeners whether auto-registered {@code LauncherSessionListener}s run; off when this runner lives
     *     inside a Launcher session already (tests in the calling JVM)
     */
    public UnitRunner(boolean sessionListeners) {
        this.session = LauncherFactory.openSession(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(sessionListeners)
                .addTestEngines(new WorkerEngine())
                .build());
    }

    /**
     * Runs one unit and returns when it is done.
     *
     * @param configuration adds the run's configuration parameters to the discovery request
     */
    public void run(
            RunUnit unit, Consumer<LauncherDiscoveryRequestBuilder> configuration, TestExecutionListener listener) {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(unit.selectors().stream().map(UnitRunner::parse).toList())
                .filters(allowedOnly(unit.allowedIds()));
        configuration.accept(request);
        if (cancellable != null) {
            cancellable.execute(session.getLauncher(), request.build(), listener);
        } else {
            session.getLauncher().execute(request.build(), listener);
        }
    }

    /** Whether {@link #cancel()} can stop a running unit: JUnit 6 and later. */
    public boolean cancellable() {
        return cancellable != null;
    }

    /**
     * Cancels the unit running now, on JUnit 6 (its tests not started yet are then skipped); on JUnit 5.14 a running
     * unit runs to its end. May be called from any thread.
     */
    public void cancel() {
        if (cancellable != null) {
            cancellable.cancel();
        }
    }

    private static DiscoverySelector parse(String identifier) {
        return DiscoverySelectors.parse(identifier)
                .orElseThrow(() -> new IllegalArgumentException("Cannot parse selector " + identifier));
    }

    private static PostDiscoveryFilter allowedOnly(Set<String> allowedIds) {
        FilterResult included = FilterResult.included("selected in the calling JVM");
        FilterResult excluded = FilterResult.excluded("not selected in the calling JVM");
        return descriptor -> allowedIds.contains(descriptor.getUniqueId().toString()) ? included : excluded;
    }

    @Override
    public void close() {
        session.close();
    }
}
