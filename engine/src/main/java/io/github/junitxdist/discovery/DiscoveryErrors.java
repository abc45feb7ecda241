package io.github.junitxdist.discovery;

import java.util.Locale;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.EngineDiscoveryListener;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherConstants;

/**
 * Reports discovery errors as the Platform's discovery issues, and tells which issues are critical; loaded only where the Platform has them (see
 * {@link PlatformSupport#DISCOVERY_ISSUES}). Stateless.
 */
final class DiscoveryErrors {

    private DiscoveryErrors() {}

    static void report(EngineDiscoveryListener listener, UniqueId engineId, TestSource source, String message) {
        listener.issueEncountered(
                engineId,
                DiscoveryIssue.builder(Severity.ERROR, message).source(source).build());
    }

    /**
     * Whether the issue makes the Launcher fail the engine that reports it: its severity is at least
     * {@code junit.platform.discovery.issue.severity.critical} (default {@code error}).
     */
    static boolean isCritical(DiscoveryIssue issue, ConfigurationParameters parameters) {
        Severity critical = parameters
                .get(LauncherConstants.CRITICAL_DISCOVERY_ISSUE_SEVERITY_PROPERTY_NAME)
                .flatMap(DiscoveryErrors::severity)
                .orElse(Severity.ERROR);
        return issue.severity().compareTo(critical) >= 0;
    }

    private static Optional<Severity> severity(String value) {
        try {
            return Optional.of(Severity.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the Launcher warns about it
        }
    }
}
