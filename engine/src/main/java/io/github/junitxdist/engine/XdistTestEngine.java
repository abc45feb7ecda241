package io.github.junitxdist.engine;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.api.InvalidConfigurationException;
import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.coordinator.JupiterHandOff;
import io.github.junitxdist.coordinator.XdistExecutor;
import io.github.junitxdist.discovery.AnnotationChecks;
import io.github.junitxdist.discovery.IssueFilteringRequest;
import io.github.junitxdist.discovery.JupiterRun;
import io.github.junitxdist.discovery.PlatformSupport;
import io.github.junitxdist.discovery.ReportedIssues;
import io.github.junitxdist.discovery.TakeoverRecord;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * The junit-xdist test engine: discovers through Jupiter, takes those tests over from the Jupiter engine, and runs them
 * on a pool of forked worker JVMs, one unit (by default a top-level class with its {@code @Nested} classes) at a time per
 * worker.
 *
 * <p>Registered through {@code META-INF/services}; putting the engine jar on the test classpath is all it takes.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class XdistTestEngine implements TestEngine {

    private static final AtomicBoolean UNSUPPORTED_SAID = new AtomicBoolean();

    @Override
    public String getId() {
        return Constants.ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.github.junitxdist");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("junit-xdist-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        Optional<String> unsupported = PlatformSupport.unsupported();
        if (unsupported.isPresent()) {
            // Build tools print only the Launcher's own message ("failed to discover tests"); ours goes to stderr too.
            if (!UNSUPPORTED_SAID.getAndSet(true)) {
                System.err.println(unsupported.get());
            }
            throw new JUnitException(unsupported.get());
        }
        var selectors = new ArrayList<>(request.getSelectorsByType(DiscoverySelector.class));
        XdistConfiguration configuration = null;
        InvalidConfigurationException error = null;
        try {
            configuration = XdistConfiguration.from(request.getConfigurationParameters(), System.getenv());
        } catch (InvalidConfigurationException e) {
            error = e;
        }
        var root = new XdistEngineDescriptor(uniqueId, selectors, configuration, error);
        if (uniqueId.getSegments().size() > 1) {
            // Nested in another engine (a @Suite): its post-discovery filters do not run there, so the tests would run
            // twice. Leave them to Jupiter.
            return root;
        }
        if (configuration != null && ReportedIssues.jupiterDiscoversToo()) {
            // Decided before discovering: a run that workers would not speed up is left to the Jupiter engine, which
            // runs it as if junit-xdist were not there, without a second discovery.
            Optional<String> reason = JupiterHandOff.decide(selectors, configuration);
            if (reason.isPresent()) {
                JupiterRun.leave(new JupiterRun(reason.get(), configuration.durationsFile()));
                return root;
            }
        }
        // What the Jupiter engine reports itself (it discovers the same classes in this Launcher discovery, before or
        // after this engine) is not reported again; when it is critical, the Jupiter engine fails with it without
        // running anything, and junit-xdist takes nothing over, as if it were not there.
        EngineDiscoveryRequest delegated =
                ReportedIssues.jupiterDiscoversToo() ? IssueFilteringRequest.withoutIssues(request) : request;
        TestDescriptor jupiterRoot = new JupiterTestEngine().discover(delegated, uniqueId);
        if (IssueFilteringRequest.sawCriticalIssue(delegated)) {
            return root;
        }
        for (TestDescriptor child : new ArrayList<>(jupiterRoot.getChildren())) {
            jupiterRoot.removeChild(child);
            root.addChild(child);
        }
        TakeoverRecord.takeOver(root);
        boolean misplaced = AnnotationChecks.check(root, request.getDiscoveryListener());
        if (configuration != null && !misplaced) {
            // Workers take longer to start than the rest of discovery: start them now, for execute to find them ready.
            XdistExecutor.prestart(root, root.traits(), configuration);
        }
        return root;
    }

    @Override
    public void execute(ExecutionRequest request) {
        var root = (XdistEngineDescriptor) request.getRootTestDescriptor();
        XdistConfiguration configuration;
        try {
            configuration = root.configuration();
        } catch (InvalidConfigurationException e) {
            var listener = request.getEngineExecutionListener();
            listener.executionStarted(root);
            listener.executionFinished(root, TestExecutionResult.failed(e));
            return;
        }
        XdistExecutor.execute(request, root.plan(), configuration, root.shard());
    }
}
