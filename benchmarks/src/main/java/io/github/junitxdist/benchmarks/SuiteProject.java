package io.github.junitxdist.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A suite written out as a Maven project under {@code benchmarks/target/suites/<id>/}: JUnit Jupiter and the
 * junit-xdist engine in test scope, Surefire without configuration, exactly what a user's project has. It is compiled
 * once ({@code mvn test-compile}); the ConsoleLauncher contenders run its {@code target/test-classes} and the Surefire
 * contenders run {@code mvn surefire:test} on it, so no contender pays for compilation.
 *
 * <p>For Eclipse's runner, which an IDE starts on the project's classpath as the IDE's Maven support resolves it, the
 * test classpath without the engine is resolved once too ({@code mvn dependency:build-classpath}).
 */
final class SuiteProject {

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>io.github.junitxdist.benchmarks</groupId>
              <artifactId>@NAME@</artifactId>
              <version>1.0-SNAPSHOT</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>@JUNIT@</version>
                  <scope>test</scope>
                </dependency>
                <dependency>
                  <groupId>io.github.junitxdist</groupId>
                  <artifactId>junit-xdist-engine</artifactId>
                  <version>@PROJECT@</version>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build>
                <plugins>
                  <!-- The versions the junit-xdist build uses, so that they are in the local repository. -->
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.14.0</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-resources-plugin</artifactId>
                    <version>3.3.1</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-surefire-plugin</artifactId>
                    <version>@SUREFIRE@</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-dependency-plugin</artifactId>
                    <version>3.8.1</version>
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private static final Duration COMPILE_LIMIT = Duration.ofMinutes(10);

    private final Suite suite;
    private final Path directory;

    private SuiteProject(Suite suite, Path directory) {
        this.suite = suite;
        this.directory = directory;
    }

    /** Writes the project afresh (deleting any earlier one with its history) and compiles its tests. */
    static SuiteProject generate(Suite suite, Toolchain toolchain) throws IOException, InterruptedException {
        Path directory =
                toolchain.workDirectory().resolve("suites").resolve(suite.id().toLowerCase(Locale.ROOT));
        FileTrees.delete(directory);
        SuiteProject project = new SuiteProject(suite, directory);
        project.write(toolchain);
        project.compile(toolchain);
        if (suite.needsClasspath()) {
            project.resolveClasspath(toolchain);
        }
        return project;
    }

    Suite suite() {
        return suite;
    }

    /** The project directory, which is also every contender's working directory. */
    Path directory() {
        return directory;
    }

    Path testClasses() {
        return directory.resolve("target/test-classes");
    }

    /**
     * The test classpath of the project as if it did not depend on the engine: its test classes, then JUnit Jupiter
     * and what Jupiter depends on. Only for a suite that {@link Suite#needsClasspath() needs it}.
     */
    List<String> testClasspathWithoutEngine() throws IOException {
        List<String> classpath = new ArrayList<>(List.of(testClasses().toString()));
        String dependencies = Files.readString(dependencyClasspathFile()).trim();
        if (!dependencies.isEmpty()) {
            classpath.addAll(List.of(dependencies.split(File.pathSeparator, -1)));
        }
        return classpath;
    }

    private Path dependencyClasspathFile() {
        return directory.resolve("target/test-classpath-without-engine.txt");
    }

    private void write(Toolchain toolchain) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(
                directory.resolve("pom.xml"),
                POM.replace("@NAME@", "suite-" + suite.id().toLowerCase(Locale.ROOT))
                        .replace("@JUNIT@", toolchain.junitVersion())
                        .replace("@PROJECT@", toolchain.projectVersion())
                        .replace("@SUREFIRE@", toolchain.surefireVersion()));
        Path sources = Files.createDirectories(
                directory.resolve("src/test/java").resolve(suite.packageName().replace('.', '/')));
        Files.writeString(sources.resolve("BenchSupport.java"), SourceWriter.support(suite.packageName()));
        for (SyntheticClass spec : suite.classes()) {
            Files.writeString(
                    sources.resolve(spec.simpleName() + ".java"),
                    SourceWriter.testClass(suite.packageName(), spec, suite.marked()));
        }
    }

    private void compile(Toolchain toolchain) throws IOException, InterruptedException {
        maven(toolchain, "compile", List.of("test-compile"));
    }

    /** The engine has no dependencies of its own, so leaving out its jar is the project without the dependency. */
    private void resolveClasspath(Toolchain toolchain) throws IOException, InterruptedException {
        maven(
                toolchain,
                "classpath",
                List.of(
                        "dependency:build-classpath",
                        "-Dmdep.outputFile=" + dependencyClasspathFile(),
                        "-DexcludeArtifactIds=junit-xdist-engine"));
    }

    private void maven(Toolchain toolchain, String step, List<String> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(toolchain.maven());
        command.addAll(arguments);
        Path log = toolchain
                .workDirectory()
                .resolve("benchmark-logs")
                .resolve(suite.id())
                .resolve(step + ".log");
        TimedProcess.Result result = TimedProcess.run(command, directory, Map.of(), log, COMPILE_LIMIT);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("The " + step + " step of suite " + suite.id() + " failed; see " + log);
        }
    }
}
