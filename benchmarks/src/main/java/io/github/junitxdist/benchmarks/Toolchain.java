package io.github.junitxdist.benchmarks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark finds what it runs: the {@code java} and {@code mvn} executables, the local Maven repository,
 * the versions to put into generated projects, and the contenders' jars. {@code benchmarks/pom.xml} passes all of it
 * as {@code benchmark.*} system properties.
 *
 * @param java the {@code java} executable
 * @param mavenHome the Maven installation of the calling build
 * @param localRepository the local repository of the calling build, where the engine is installed
 * @param offline whether the calling build ran offline, so that child builds do too
 * @param junitVersion the JUnit version of the generated projects
 * @param surefireVersion the Surefire version of the generated projects
 * @param projectVersion the junit-xdist engine version
 * @param consoleJar the standalone ConsoleLauncher
 * @param engineJar the junit-xdist engine jar
 * @param eclipseJars what Eclipse adds to a JUnit 5 launch: its runner ({@code org.eclipse.jdt.junit.runtime} and
 *     {@code org.eclipse.jdt.junit5.runtime}) and the JUnit Platform Launcher of the project's JUnit version
 * @param workDirectory where suites, logs and marks go ({@code benchmarks/target})
 * @param report the markdown file the results are written to ({@code docs/benchmarks.md})
 */
record Toolchain(
        Path java,
        Path mavenHome,
        Path localRepository,
        boolean offline,
        String junitVersion,
        String surefireVersion,
        String projectVersion,
        Path consoleJar,
        Path engineJar,
        List<Path> eclipseJars,
        Path workDirectory,
        Path report) {

    Toolchain {
        eclipseJars = List.copyOf(eclipseJars);
    }

    /** Reads the {@code benchmark.*} system properties; a missing one fails with a hint to run through Maven. */
    static Toolchain fromSystemProperties() {
        Path jars = Path.of(property("benchmark.jars"));
        Toolchain toolchain = new Toolchain(
                Path.of(property("benchmark.java")),
                Path.of(property("benchmark.mavenHome")),
                Path.of(property("benchmark.localRepository")),
                Boolean.parseBoolean(property("benchmark.offline")),
                property("benchmark.junitVersion"),
                property("benchmark.surefireVersion"),
                property("benchmark.projectVersion"),
                jars.resolve("console-standalone.jar"),
                jars.resolve("junit-xdist-engine.jar"),
                List.of(
                        jars.resolve("eclipse-junit-runtime.jar"),
                        jars.resolve("eclipse-junit5-runtime.jar"),
                        jars.resolve("junit-platform-launcher.jar")),
                Path.of(property("benchmark.workDirectory")),
                Path.of(property("benchmark.report")));
        List<Path> jarsToRun = new ArrayList<>(List.of(toolchain.consoleJar(), toolchain.engineJar()));
        jarsToRun.addAll(toolchain.eclipseJars());
        for (Path jar : jarsToRun) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing; run through benchmarks/pom.xml (see README.md)");
            }
        }
        return toolchain;
    }

    /** The start of a {@code mvn} command line: batch mode, quiet, offline if the caller was, the same repository. */
    List<String> maven() {
        List<String> command =
                new ArrayList<>(List.of(mavenHome.resolve("bin/mvn").toString(), "-B", "-q"));
        if (offline) {
            command.add("-o");
        }
        command.add("-Dmaven.repo.local=" + localRepository);
        return command;
    }

    /** A classpath of the ConsoleLauncher, the engine and the given directory, in that order. */
    String classpath(Path classes) {
        return String.join(File.pathSeparator, consoleJar.toString(), engineJar.toString(), classes.toString());
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + key
                    + " is not set; run the benchmark through benchmarks/pom.xml (see benchmarks/README.md)");
        }
        return value;
    }
}
