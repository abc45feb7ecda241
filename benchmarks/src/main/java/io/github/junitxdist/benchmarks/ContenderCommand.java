package io.github.junitxdist.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The command line and environment with which a {@link Contender} runs a {@link SuiteProject}. */
final class ContenderCommand {

    private static final String CONSOLE_LAUNCHER = "org.junit.platform.console.ConsoleLauncher";
    private static final String ECLIPSE_RUNNER = "org.eclipse.jdt.internal.junit.runner.RemoteTestRunner";
    private static final String ECLIPSE_JUNIT5_LOADER = "org.eclipse.jdt.internal.junit5.runner.JUnit5TestLoader";

    private ContenderCommand() {}

    /**
     * The command line of one run of {@code contender} on {@code project}, with W from the suite; for an Eclipse
     * contender, see {@link #eclipse}.
     */
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
            case ECLIPSE_PLAIN, ECLIPSE_XDIST ->
                throw new IllegalArgumentException(contender + " reports to a port: use eclipse(...)");
        };
    }

    /**
     * The command line with which Eclipse runs the suite's selected test method and reports to {@code port}: the
     * arguments of Eclipse's JUnit launch ({@code -version 3 -port ... -testLoaderClass ... -loaderpluginname ... -test
     * class:method}, and {@code -ea}, which Eclipse adds to new JUnit launch configurations). The classpath is the
     * project's test classpath (with the engine jar for {@link Contender#ECLIPSE_XDIST}), then the runner and the JUnit
     * Platform Launcher, which Eclipse appends.
     */
    static List<String> eclipse(Contender contender, SuiteProject project, Toolchain toolchain, int port)
            throws IOException {
        Suite.Selection selected = project.suite().selected();
        if (selected == null || contender.launch() != Contender.Launch.ECLIPSE) {
            throw new IllegalArgumentException(
                    contender + " on " + project.suite().id() + " is not an Eclipse run");
        }
        List<String> classpath = new ArrayList<>(project.testClasspathWithoutEngine());
        if (contender == Contender.ECLIPSE_XDIST) {
            classpath.add(toolchain.engineJar().toString());
        }
        toolchain.eclipseJars().forEach(jar -> classpath.add(jar.toString()));
        return List.of(
                toolchain.java().toString(),
                "-ea",
                "-cp",
                String.join(File.pathSeparator, classpath),
                ECLIPSE_RUNNER,
                "-version",
                "3",
                "-port",
                Integer.toString(port),
                "-testLoaderClass",
                ECLIPSE_JUNIT5_LOADER,
                "-loaderpluginname",
                "org.eclipse.jdt.junit5.runtime",
                "-test",
                project.suite().packageName() + "." + selected.simpleClassName() + ":" + selected.method());
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
