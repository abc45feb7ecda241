package io.github.junitxdist.worker;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.discovery.IssueFilteringRequest;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;

/**
 * The engine a worker's own Launcher runs: plain Jupiter under the engine id {@code xdist}, so unique ids in the worker
 * match the parent's one to one and the Launcher builds the execution request for us.
 *
 * <p>Jupiter's discovery issues are not reported here: the calling JVM reported them when it discovered the same
 * classes, and each unit a worker runs would otherwise log them again, in the output of whatever test came next.
 *
 * <p>Holds no state but the Jupiter engine it delegates to; the Launcher calls it on the thread that runs the unit.
 */
final class WorkerEngine implements TestEngine {

    private final JupiterTestEngine jupiter = new JupiterTestEngine();

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest discoveryRequest, UniqueId uniqueId) {
        return jupiter.discover(IssueFilteringRequest.withoutIssues(discoveryRequest), uniqueId);
    }

    @Override
    public void execute(ExecutionRequest request) {
        jupiter.execute(request);
    }
}
