package io.github.junitxdist.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One way of running a {@link PublishedSuite}: through the ConsoleLauncher on the extracted test classes, or as a
 * whole {@code mvn surefire:test -Dtest=<the suite's patterns>} with the tests jar in {@code dependenciesToScan}.
 */
enum PublishedContender {
    SEQUENTIAL("Jupiter, sequential", "ConsoleLauncher, `--exclude-engine=xdist`", false, false),
    JUPITER_PARALLEL(
            "Jupiter, parallel classes and methods, W threads",
            "ConsoleLauncher, `--exclude-engine=xdist`, classes and methods concurrent, fixed parallelism W",
            false,
            false),
    XDIST_COLD(
            "junit-xdist, W workers, cold",
            "ConsoleLauncher, `--config xdist.workers=W`, `.xdist/` deleted first",
            false,
            false),
    XDIST_WARM(
            "junit-xdist, W workers, warm",
            "ConsoleLauncher, `--config xdist.workers=W`, `.xdist/` of an earlier run",
            false,
            true),
    SUREFIRE_FORKS(
            "Surefire, forkCount=W reuseForks=true",
            "`mvn surefire:test -Dtest=<the selection> -DforkCount=W -DreuseForks=true -Dsurefire.excludeJUnit5Engines=xdist`",
            true,
            false),
    XDIST_SUREFIRE(
            "junit-xdist via Surefire, W workers, warm",
            "`XDIST_WORKERS=W mvn surefire:test -Dtest=<the selection>` (one Surefire fork), `.xdist/` of an earlier run",
            true,
            true);

    private final String label;
    private final String how;
    private final boolean maven;
    private final boolean warm;

    PublishedContender(String label, String how, boolean maven, boolean warm) {
        this.label = label;
        this.how = how;
        this.maven = maven;
        this.warm = warm;
    }

    String label() {
        return label;
    }

    /** How the contender is run, in markdown. */
    String how() {
        return how;
    }

    /** Whether a run is a whole Maven build (its launcher JVM is then the Surefire fork). */
    boolean maven() {
        return maven;
    }

    /** Whether the run needs the duration history of an earlier run in place. */
    boolean warm() {
        return warm;
    }

    /**
     * The {@link ProcessCpu} role of the JVM that launches the tests and relays them: the ConsoleLauncher, or the one
     * Surefire fork junit-xdist runs in; none when Surefire's own forks run the tests.
     */
    @Nullable
    String launcherRole() {
        return this == SUREFIRE_FORKS ? null : maven ? "fork" : "launcher";
    }

    /** The {@link ProcessCpu} role of the JVMs that run the tests beside the launcher: workers, or Surefire's forks. */
    @Nullable
    String workerRole() {
        return this == SUREFIRE_FORKS ? "fork" : xdist() ? "worker" : null;
    }

    /** Whether junit-xdist runs the tests. */
    boolean xdist() {
        return this == XDIST_COLD || this == XDIST_WARM || this == XDIST_SUREFIRE;
    }

    /** The command line of one run; ConsoleLauncher runs write their XML reports to {@code reports}. */
    List<String> command(Toolchain toolchain, PublishedProject project, Path reports) {
        PublishedSuite suite = project.suite();
        if (maven) {
            List<String> command = new ArrayList<>(toolchain.maven());
            command.add("surefire:test");
            command.add("-Dtest=" + suite.surefireTest());
            if (this == SUREFIRE_FORKS) {
                command.addAll(List.of(
                        "-DforkCount=" + suite.workers(),
                        "-DreuseForks=true",
                        "-Dsurefire.excludeJUnit5Engines=xdist"));
            }
            return command;
        }
        List<String> command = new ArrayList<>();
        command.add(toolchain.java().toString());
        command.addAll(suite.jvmOptions());
        command.addAll(List.of(
                "-cp",
                project.classpath(),
                "org.junit.platform.console.ConsoleLauncher",
                "execute",
                "--disable-banner",
                "--disable-ansi-colors",
                "--details=none",
                "--scan-classpath",
                project.testClasses().toString(),
                "--include-classname=" + suite.include(),
                "--exclude-classname=" + suite.exclude(),
                "--reports-dir=" + reports));
        switch (this) {
            case SEQUENTIAL -> command.add("--exclude-engine=xdist");
            case JUPITER_PARALLEL -> {
                command.add("--exclude-engine=xdist");
                for (String setting : List.of(
                        "junit.jupiter.execution.parallel.enabled=true",
                        "junit.jupiter.execution.parallel.mode.default=concurrent",
                        "junit.jupiter.execution.parallel.mode.classes.default=concurrent",
                        "junit.jupiter.execution.parallel.config.strategy=fixed",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism=" + suite.workers())) {
                    command.add("--config=" + setting);
                }
            }
            default -> command.add("--config=xdist.workers=" + suite.workers());
        }
        return command;
    }

    /** The environment the run adds: {@code XDIST_WORKERS} for junit-xdist through Surefire. */
    Map<String, String> environment(PublishedSuite suite) {
        return this == XDIST_SUREFIRE ? Map.of("XDIST_WORKERS", Integer.toString(suite.workers())) : Map.of();
    }
}
