package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Forgets what an earlier discovery in this JVM took over when a new outermost Launcher discovery starts, and notes that
 * discovery's request for {@link ReportedIssues} until it ends.
 *
 * <p>Registered through {@code META-INF/services}. A discovery nested in another one (the suite engine discovers its
 * {@code @Suite} classes with a discovery of its own) must not clear what the outer one recorded, so only the outermost
 * start clears.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DiscoveryStartListener implements LauncherDiscoveryListener {

    private static final AtomicInteger DEPTH = new AtomicInteger();

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (DEPTH.getAndIncrement() == 0) {
            TakeoverRecord.reset();
            JupiterRun.reset();
            ReportedIssues.reset(request);
        }
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        if (DEPTH.updateAndGet(depth -> Math.max(0, depth - 1)) == 0) {
            ReportedIssues.reset(null);
        }
    }
}
