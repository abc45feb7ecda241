package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoveryIssue.Severity;
import org.junit.platform.engine.TestSource;
import org.junit.platform.launcher.LauncherConstants;

/**
 * The discovery issues the Jupiter engine reported in the current Launcher discovery, so that junit-xdist, which
 * discovers the same classes through Jupiter, does not report them a second time.
 *
 * <p>JVM-wide, like {@link TakeoverRecord}: {@link DiscoveryStartListener} clears it when an outermost Launcher
 * discovery starts and adds what the Jupiter engine reports; the engine reads it during its own discovery. Only what
 * Jupiter reported before junit-xdist discovers is known: when the Launcher discovers with junit-xdist first, both
 * engines report the issues. Issues are the same when their severity, message and source are. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class ReportedIssues {

    private record Key(Severity severity, String message, Optional<TestSource> source) {}

    private static final Set<Key> BY_JUPITER = ConcurrentHashMap.newKeySet();

    private ReportedIssues() {}

    static void reset() {
        BY_JUPITER.clear();
    }

    static void reportedByJupiter(DiscoveryIssue issue) {
        BY_JUPITER.add(key(issue));
    }

    /** Whether the Jupiter engine reported this issue in the current discovery already. */
    public static boolean isReportedByJupiter(DiscoveryIssue issue) {
        return BY_JUPITER.contains(key(issue));
    }

    /**
     * Whether the issue makes the Launcher fail the engine that reports it: its severity is at least
     * {@code junit.platform.discovery.issue.severity.critical} (default {@code error}).
     */
    public static boolean isCritical(DiscoveryIssue issue, ConfigurationParameters parameters) {
        Severity critical = parameters.get(LauncherConstants.CRITICAL_DISCOVERY_ISSUE_SEVERITY_PROPERTY_NAME)
                .flatMap(ReportedIssues::severity)
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

    private static Key key(DiscoveryIssue issue) {
        return new Key(issue.severity(), issue.message(), issue.source());
    }
}
