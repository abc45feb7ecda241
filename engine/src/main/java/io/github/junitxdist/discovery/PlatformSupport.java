package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestEngine;

/**
 * Which JUnit Platform junit-xdist runs on, told by the classes that are there: it needs 1.12 (Jupiter 5.12, what
 * Spring Boot 3.5 manages) or later, and reports discovery issues only where the Platform has them (1.13 and later).
 * One jar, compiled against the newest API, runs on all of them because the code that needs a newer class loads it only
 * after asking here. Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class PlatformSupport {

    /** The lowest JUnit Platform version junit-xdist runs on: {@value}. */
    public static final String LOWEST = "1.12";

    /** Whether the Platform has discovery issues ({@code DiscoveryIssue}, 1.13 and later). */
    public static final boolean DISCOVERY_ISSUES = present("org.junit.platform.engine.DiscoveryIssue");

    /** A class that came with Platform 1.12. */
    private static final boolean AT_LEAST_LOWEST =
            present("org.junit.platform.engine.reporting.OutputDirectoryProvider");

    private PlatformSupport() {}

    /** Why junit-xdist cannot run on this Platform, naming the version found and the one needed; empty when it can. */
    public static Optional<String> unsupported() {
        if (AT_LEAST_LOWEST) {
            return Optional.empty();
        }
        String found = Optional.ofNullable(TestEngine.class.getPackage().getImplementationVersion())
                .orElse("older than " + LOWEST);
        return Optional.of(("junit-xdist needs JUnit Platform %s or later (JUnit Jupiter 5.12 or later), but found"
                        + " JUnit Platform %s on the class path; upgrade JUnit (the junit-bom or junit-jupiter"
                        + " version), or remove junit-xdist to run the tests as before")
                .formatted(LOWEST, found));
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, PlatformSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
