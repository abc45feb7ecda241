package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * Forgets what an earlier discovery in this JVM took over and which issues it reported, when a new outermost Launcher
 * discovery starts; records the issues the Jupiter engine reports (see {@link ReportedIssues}).
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

    private static final UniqueId JUPITER_ROOT = UniqueId.forEngine(TakeoverRecord.JUPITER_ENGINE_ID);

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (DEPTH.getAndIncrement() == 0) {
            TakeoverRecord.reset();
            ReportedIssues.reset(request);
        }
    }

    @Override
    public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
        if (engineId.equals(JUPITER_ROOT)) {
            ReportedIssues.reportedByJupiter(issue);
        }
    }

    @Override
    public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        if (DEPTH.updateAndGet(depth -> Math.max(0, depth - 1)) == 0) {
            ReportedIssues.reset(null);
        }
    }
}
