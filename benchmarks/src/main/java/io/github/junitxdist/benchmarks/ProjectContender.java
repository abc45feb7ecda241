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
            "`XDIST_WORKERS=auto mvn surefire:test` (`auto` decides; the variable overrides a count in the project's"
                    + " Surefire configuration), `.xdist/` of an earlier run",
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

    /**
     * The environment variables the run adds: {@code XDIST_WORKERS}, W for the fixed-worker contenders and {@code auto}
     * for the default, since a project may set a count of its own (the backend example sets 2 for its checks).
     */
    Map<String, String> environment(ProjectSuite suite) {
        return switch (this) {
            case PLAIN_JUPITER -> Map.of();
            case XDIST_WARM -> Map.of("XDIST_WORKERS", Integer.toString(suite.workers()));
            case XDIST_AUTO_WARM -> Map.of("XDIST_WORKERS", "auto");
        };
    }
}
