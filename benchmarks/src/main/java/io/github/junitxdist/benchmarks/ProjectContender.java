package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One way of running a {@link ProjectSuite}: always a whole {@code mvn surefire:test} on the compiled project, as its
 * developers run it, so Maven, Surefire's fork, every Spring context and every database start are in the time.
 */
enum ProjectContender {
    PLAIN_JUPITER("plain Jupiter", "`mvn surefire:test -Dsurefire.excludeJUnit5Engines=xdist`", false),
    XDIST_WARM(
            "junit-xdist, W workers, warm", "`XDIST_WORKERS=W mvn surefire:test`, `.xdist/` of an earlier run", true),
    XDIST_AUTO_WARM(
            "junit-xdist, default (auto), warm",
            "`mvn surefire:test` (no `XDIST_WORKERS`: `auto` decides), `.xdist/` of an earlier run",
            true);

    private final String label;
    private final String how;
    private final boolean warm;

    ProjectContender(String label, String how, boolean warm) {
        this.label = label;
        this.how = how;
        this.warm = warm;
    }

    String label() {
        return label;
    }

    /** How the contender is run, in markdown. */
    String how() {
        return how;
    }

    /** Whether the contender runs junit-xdist with the duration history of an earlier run in place. */
    boolean warm() {
        return warm;
    }

    /** The command line of one run, after the toolchain's {@code mvn} options. */
    List<String> command(Toolchain toolchain) {
        List<String> command = new ArrayList<>(toolchain.maven());
        command.add("surefire:test");
        if (this == PLAIN_JUPITER) {
            command.add("-Dsurefire.excludeJUnit5Engines=xdist");
        }
        return command;
    }

    /** The environment variables the run adds: {@code XDIST_WORKERS} for the fixed-worker contender. */
    Map<String, String> environment(ProjectSuite suite) {
        return this == XDIST_WARM ? Map.of("XDIST_WORKERS", Integer.toString(suite.workers())) : Map.of();
    }
}
