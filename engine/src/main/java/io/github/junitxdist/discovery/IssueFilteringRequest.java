package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * A discovery request that is the given one, except that its discovery listener passes on no discovery issue, noting
 * only whether one was critical: Jupiter, discovering for junit-xdist, reports its issues to that listener, and the
 * Jupiter engine reports the same issues itself in the same Launcher discovery (or, in a worker, the calling JVM has
 * reported them already).
 *
 * <p>Only on Platforms that have discovery issues ({@link PlatformSupport#DISCOVERY_ISSUES}): {@link #withoutIssues}
 * hands back the request itself elsewhere.
 *
 * <p>Immutable but for whether a critical issue was seen; as thread-safe as the request and listener it wraps.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class IssueFilteringRequest implements EngineDiscoveryRequest {

    private final EngineDiscoveryRequest delegate;
    private final EngineDiscoveryListener listener;
    private volatile boolean critical;

    /** The request, less every discovery issue; the request itself where the Platform has no issues. */
    public static EngineDiscoveryRequest withoutIssues(EngineDiscoveryRequest request) {
        return PlatformSupport.DISCOVERY_ISSUES ? new IssueFilteringRequest(request) : request;
    }

    /**
     * Whether the request is one of {@link #withoutIssues} and one of the issues it kept back would have failed the
     * engine that reported it (see {@code junit.platform.discovery.issue.severity.critical}).
     */
    public static boolean sawCriticalIssue(EngineDiscoveryRequest request) {
        return request instanceof IssueFilteringRequest filtering && filtering.critical;
    }

    private IssueFilteringRequest(EngineDiscoveryRequest delegate) {
        this.delegate = delegate;
        EngineDiscoveryListener original = delegate.getDiscoveryListener();
        ConfigurationParameters parameters = delegate.getConfigurationParameters();
        this.listener = new EngineDiscoveryListener() {
            @Override
            public void selectorProcessed(
                    UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
                original.selectorProcessed(engineId, selector, result);
            }

            @Override
            public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                if (DiscoveryErrors.isCritical(issue, parameters)) {
                    critical = true;
                }
            }
        };
    }

    @Override
    public <T extends DiscoverySelector> List<T> getSelectorsByType(Class<T> selectorType) {
        return delegate.getSelectorsByType(selectorType);
    }

    @Override
    public <T extends DiscoveryFilter<?>> List<T> getFiltersByType(Class<T> filterType) {
        return delegate.getFiltersByType(filterType);
    }

    @Override
    public ConfigurationParameters getConfigurationParameters() {
        return delegate.getConfigurationParameters();
    }

    @Override
    public EngineDiscoveryListener getDiscoveryListener() {
        return listener;
    }

    @Override
    @SuppressWarnings("deprecation")
    public org.junit.platform.engine.reporting.OutputDirectoryProvider getOutputDirectoryProvider() {
        return delegate.getOutputDirectoryProvider();
    }

    @Override
    public OutputDirectoryCreator getOutputDirectoryCreator() {
        return delegate.getOutputDirectoryCreator();
    }
}
