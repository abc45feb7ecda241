package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Whether the Jupiter engine reports the discovery issues of the current Launcher discovery itself, so that
 * junit-xdist, which discovers the same classes through Jupiter, does not report them a second time.
 *
 * <p>JVM-wide, like {@link TakeoverRecord}: {@link DiscoveryStartListener} notes the request of an outermost Launcher
 * discovery when it starts and forgets it when it ends; the engine asks during its own discovery. Whether the Jupiter
 * engine discovers too (it is on the class path and no engine filter of the request excludes it) is known whichever
 * engine the Launcher asks first. Outside a Launcher discovery (EngineTestKit calls no listener) junit-xdist reports
 * the issues itself. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportedIssues {

    /** The request of the current outermost Launcher discovery; none outside one (EngineTestKit calls no listener). */
    private static final AtomicReference<@Nullable LauncherDiscoveryRequest> CURRENT = new AtomicReference<>();

    /** Whether the Jupiter engine can be loaded, per class loader that looked. */
    private static final Map<ClassLoader, Boolean> JUPITER_PRESENT = Collections.synchronizedMap(new WeakHashMap<>());

    private ReportedIssues() {}

    static void reset(@Nullable LauncherDiscoveryRequest request) {
        CURRENT.set(request);
    }

    /**
     * Whether the Jupiter engine discovers in the current Launcher discovery, before or after junit-xdist, and so
     * reports its discovery issues itself: it is registered with the Launcher (found as a service) and the request's
     * engine filters keep it.
     */
    public static boolean jupiterDiscoversToo() {
        LauncherDiscoveryRequest request = CURRENT.get();
        if (request == null) {
            return false;
        }
        var jupiter = new JupiterTestEngine();
        boolean kept = request.getEngineFilters().stream()
                .allMatch(filter -> filter.apply(jupiter).included());
        return kept && jupiterPresent();
    }

    private static boolean jupiterPresent() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ClassLoader key = loader == null ? ClassLoader.getSystemClassLoader() : loader;
        return JUPITER_PRESENT.computeIfAbsent(key, each -> {
            try {
                return ServiceLoader.load(TestEngine.class, each).stream()
                        .anyMatch(engine -> engine.type().getName().equals(JupiterTestEngine.class.getName()));
            } catch (ServiceConfigurationError e) {
                return false;
            }
        });
    }
}
