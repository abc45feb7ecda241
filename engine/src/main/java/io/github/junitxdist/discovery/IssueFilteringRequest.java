package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
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
 * A discovery request that is the given one, except that its discovery listener passes on only the discovery issues
 * the given predicate keeps: Jupiter, discovering for junit-xdist, reports its issues to that listener, and the
 * Launcher logs them (or fails the engine with them) once per engine that reported them.
 *
 * <p>Only on Platforms that have discovery issues ({@link PlatformSupport#DISCOVERY_ISSUES}): use {@link #withoutIssues} and
 * {@link #leavingJupitersIssues}, which hand back the request itself elsewhere.
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

    /** The request, less every discovery issue (a worker leaves them to the calling JVM). */
    public static EngineDiscoveryRequest withoutIssues(EngineDiscoveryRequest request) {
        return PlatformSupport.DISCOVERY_ISSUES ? new IssueFilteringRequest(request, issue -> false) : request;
    }

    /**
     * The request, less the issues Jupiter reports itself in the same Launcher discovery, noting whether one of them
     * is critical (see {@link #jupiterFails}); the request itself where the Platform has no issues.
     */
    public static EngineDiscoveryRequest leavingJupitersIssues(EngineDiscoveryRequest request) {
        if (!PlatformSupport.DISCOVERY_ISSUES) {
            return request;
        }
        var filtering = new IssueFilteringRequest(request, issue -> false);
        filtering.noteCritical(request.getConfigurationParameters());
        return filtering;
    }

    /** Whether the request is one of {@link #leavingJupitersIssues} and Jupiter reported a critical issue to it. */
    public static boolean jupiterFails(EngineDiscoveryRequest request) {
        return request instanceof IssueFilteringRequest filtering && filtering.critical;
    }

    private @Nullable ConfigurationParameters criticalFrom;

    private void noteCritical(ConfigurationParameters parameters) {
        criticalFrom = parameters;
    }

    private IssueFilteringRequest(EngineDiscoveryRequest delegate, Predicate<DiscoveryIssue> keep) {
        this.delegate = delegate;
        EngineDiscoveryListener original = delegate.getDiscoveryListener();
        this.listener = new EngineDiscoveryListener() {
            @Override
            public void selectorProcessed(
                    UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
                original.selectorProcessed(engineId, selector, result);
            }

            @Override
            public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                ConfigurationParameters parameters = criticalFrom;
                if (parameters != null && DiscoveryErrors.isCritical(issue, parameters)) {
                    critical = true;
                }
                if (keep.test(issue)) {
                    original.issueEncountered(engineId, issue);
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
