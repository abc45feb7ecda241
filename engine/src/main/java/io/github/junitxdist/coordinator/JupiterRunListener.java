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
 * Launcher, on the threads the tests run on; a run left to Jupiter keeps its state in one object whose methods are
 * synchronized.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class JupiterRunListener implements TestExecutionListener {

    private static final String JUPITER_ENGINE_ID = "junit-jupiter";

    /** The run left to Jupiter that is executing, if any: every other run costs one volatile read per event. */
    private volatile @Nullable HandedOffRun run;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        JupiterRun.current().ifPresent(handOff -> {
            System.err.println(handOff.reason());
            run = new HandedOffRun(
                    DurationHistory.load(handOff.durationsFile(), Constants.DURATIONS_FILE_PROPERTY_NAME),
                    InProcessIdentity.set());
        });
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        HandedOffRun current = run;
        if (current != null && isJupiterClass(identifier)) {
            current.started(identifier.getUniqueId());
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        HandedOffRun current = run;
        if (current != null) {
            current.finished(identifier.getUniqueIdObject());
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        HandedOffRun current = run;
        if (current != null) {
            run = null;
            current.end();
        }
    }

    /** One run left to Jupiter: its history, the identity it set, and the clock of each top-level class. */
    private static final class HandedOffRun {

        private final DurationHistory history;
        private final InProcessIdentity identity;
        private final long startedAt = System.nanoTime();
        private final Map<String, Long> classStartedAt = new HashMap<>();
        private int classes;

        HandedOffRun(DurationHistory history, InProcessIdentity identity) {
            this.history = history;
            this.identity = identity;
        }

        synchronized void started(String uniqueId) {
            classStartedAt.put(uniqueId, System.nanoTime());
        }

        synchronized void finished(UniqueId uniqueId) {
            Long start = classStartedAt.remove(uniqueId.toString());
            if (start != null) {
                classes++;
                history.record(asXdistId(uniqueId), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            }
        }

        synchronized void end() {
            history.recordCallingJvmRun(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), classes);
            history.save();
            identity.restore();
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
