package io.github.junitxdist.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line and environment with which a {@link Contender} runs a {@link SuiteProject}. */
final class ContenderCommand {

    private static final String CONSOLE_LAUNCHER = "org.junit.platform.console.ConsoleLauncher";

    private ContenderCommand() {}

    /** The command line of one run of {@code contender} on {@code project}, with W from the suite. */
    static List<String> of(Contender contender, SuiteProject project, Toolchain toolchain) {
        int workers = project.suite().workers();
        return switch (contender) {
            case MAVEN_OVERHEAD ->
                maven(toolchain, "-Dtest=NoSuchBenchmarkTests", "-Dsurefire.failIfNoSpecifiedTests=false");
            case SEQUENTIAL -> console(project, toolchain, "--exclude-engine=xdist");
            case JUPITER_PARALLEL ->
                console(
                        project,
                        toolchain,
                        "--exclude-engine=xdist",
                        "--config",
                        "junit.jupiter.execution.parallel.enabled=true",
                        "--config",
                        "junit.jupiter.execution.parallel.mode.classes.default=concurrent",
                        "--config",
                        "junit.jupiter.execution.parallel.config.strategy=fixed",
                        "--config",
                        "junit.jupiter.execution.parallel.config.fixed.parallelism=" + workers);
            case SUREFIRE_FORKS ->
                maven(
                        toolchain,
                        "-DforkCount=" + workers,
                        "-DreuseForks=true",
                        "-Dsurefire.excludeJUnit5Engines=xdist");
            case XDIST_COLD, XDIST_WARM -> console(project, toolchain, "--config", "xdist.workers=" + workers);
            case XDIST_AUTO_WARM -> console(project, toolchain);
            case XDIST_WARM_C1 ->
                console(
                        project,
                        toolchain,
                        "--config",
                        "xdist.workers=" + workers,
                        "--config",
                        "xdist.jvmArgs=-XX:TieredStopAtLevel=1");
            case XDIST_SUREFIRE_WARM -> maven(toolchain);
        };
    }

    /** The environment variables the run adds: the marks file, and {@code XDIST_WORKERS} for junit-xdist in Maven. */
    static Map<String, String> environment(Contender contender, SuiteProject project, Path marks) {
        if (contender == Contender.XDIST_SUREFIRE_WARM) {
            return Map.of(
                    SourceWriter.MARKS_VARIABLE,
                    marks.toString(),
                    "XDIST_WORKERS",
                    Integer.toString(project.suite().workers()));
        }
        return Map.of(SourceWriter.MARKS_VARIABLE, marks.toString());
    }

    private static List<String> console(SuiteProject project, Toolchain toolchain, String... options) {
        List<String> command = new ArrayList<>(List.of(
                toolchain.java().toString(),
                "-cp",
                toolchain.classpath(project.testClasses()),
                CONSOLE_LAUNCHER,
                "execute",
                "--disable-banner",
                "--details=summary",
                "--fail-if-no-tests",
                "--scan-classpath",
                project.testClasses().toString()));
        command.addAll(List.of(options));
        return command;
    }

    private static List<String> maven(Toolchain toolchain, String... options) {
        List<String> command = new ArrayList<>(toolchain.maven());
        command.add("surefire:test");
        command.addAll(List.of(options));
        return command;
    }
}
