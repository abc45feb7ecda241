package io.github.junitxdist.coordinator;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.discovery.JupiterRun;
import io.github.junitxdist.history.DurationHistory;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Accompanies a run that junit-xdist left to the Jupiter engine (see {@link JupiterHandOff}): says so in one line on
 * stderr when the test plan starts, gives the tests the in-process worker identity ({@code xdist.worker=main}) for the
 * run, and records how long each top-level class took into the duration history, under its junit-xdist unit id, so
 * that later runs decide with it. Does nothing in a run junit-xdist did not leave to Jupiter.
 *
 * <p>Registered through {@code META-INF/services} (the Launcher registers such listeners by default). Called by the
 * Launcher, on the threads the tests run on; every call is synchronized.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class JupiterRunListener implements TestExecutionListener {

    private static final String JUPITER_ENGINE_ID = "junit-jupiter";

    private @Nullable DurationHistory history;
    private @Nullable InProcessIdentity identity;
    private final Map<String, Long> startedAt = new HashMap<>();
    private long planStartedAt;
    private int classes;

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        JupiterRun.current().ifPresent(run -> {
            System.err.println(run.reason());
            history = DurationHistory.load(run.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME);
            identity = InProcessIdentity.set();
            planStartedAt = System.nanoTime();
            classes = 0;
        });
    }

    @Override
    public synchronized void executionStarted(TestIdentifier identifier) {
        if (history != null && isJupiterClass(identifier)) {
            startedAt.put(identifier.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        Long start = startedAt.remove(identifier.getUniqueId());
        if (history != null && start != null) {
            classes++;
            history.record(
                    asXdistId(identifier.getUniqueIdObject()),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (history != null) {
            history.recordCallingJvmRun(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - planStartedAt), classes);
            history.save();
            history = null;
        }
        if (identity != null) {
            identity.restore();
            identity = null;
        }
    }

    /** A top-level class of the Jupiter engine: the unit junit-xdist would have made of it. */
    private static boolean isJupiterClass(TestIdentifier identifier) {
        UniqueId id = identifier.getUniqueIdObject();
        return id.getSegments().size() == 2
                && id.getEngineId().filter(JUPITER_ENGINE_ID::equals).isPresent()
                && id.getLastSegment().getType().equals("class");
    }

    private static String asXdistId(UniqueId jupiterId) {
        return UniqueId.forEngine(Constants.ENGINE_ID)
                .append(jupiterId.getLastSegment())
                .toString();
    }
}
