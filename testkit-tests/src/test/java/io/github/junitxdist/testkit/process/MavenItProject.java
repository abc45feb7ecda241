package io.github.junitxdist.testkit.process;

import io.github.junitxdist.testkit.fixtures.process.OutputMarkers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Maven project generated under {@code target/it/<name>/}: JUnit Jupiter and the junit-xdist engine in test
 * scope, Surefire without configuration, and fixture classes copied in as sources, renamed from {@code *Fixture} to
 * {@code *Tests} so that Surefire's default includes pick them up. {@link #test()} runs {@code mvn -B -q test} on it.
 *
 * <p>Versions and the Maven installation come from system properties the build sets ({@code xdist.it.*}); the local
 * repository is that of the enclosing build, which has just installed the engine there.
 */
final class MavenItProject {

    private static final Duration BUILD_LIMIT = Duration.ofMinutes(5);

    private static final String JUPITER_DEPENDENCY = """
                <dependency>
                  <groupId>org.junit.jupiter</groupId>
                  <artifactId>junit-jupiter</artifactId>
                  <version>@JUNIT@</version>
                  <scope>test</scope>
                </dependency>
            """;

    private static final String XDIST_DEPENDENCY = """
                <dependency>
                  <groupId>io.github.junitxdist</groupId>
                  <artifactId>junit-xdist-engine</artifactId>
                  <version>@PROJECT@</version>
                  <scope>test</scope>
                </dependency>
            """;

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>io.github.junitxdist.it</groupId>
              <artifactId>@NAME@</artifactId>
              <version>1.0-SNAPSHOT</version>
              <properties>
                <maven.compiler.release>17</maven.compiler.release>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
              </properties>
              <dependencies>
            @DEPENDENCIES@
              </dependencies>
              <build>
                <plugins>
                  <!-- Pinned to the versions the enclosing build uses, so that they are in the local repository. -->
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
                    <version>@SUREFIRE@</version>@SUREFIRE_CONFIGURATION@
                  </plugin>
                </plugins>
              </build>
            </project>
            """;

    private final String name;
    private final Path directory;
    private final List<Class<?>> fixtures = new ArrayList<>();
    private final List<Class<?>> helpers = new ArrayList<>();
    private final Map<String, String> platformProperties = new LinkedHashMap<>();
    private final Map<String, String> commandLineProperties = new LinkedHashMap<>();
    private final Map<String, String> surefireOptions = new LinkedHashMap<>();
    private String buildOutput = "";
    private boolean xdistFirst;
    private String junitVersion = "";

    private MavenItProject(String name, Path directory) {
        this.name = name;
        this.directory = directory;
    }

    static MavenItProject named(String name) {
        return new MavenItProject(name, TestPaths.freshDirectory("it", name));
    }

    /** The name a fixture class has in the generated project: {@code FooFixture} becomes {@code FooTests}. */
    static String testsClassName(Class<?> fixture) {
        return fixture.getName().replaceFirst("Fixture$", "Tests");
    }

    /** Copies the fixtures' sources (and {@link OutputMarkers}, which they use) into the project. */
    MavenItProject fixtures(Class<?>... classes) {
        fixtures.addAll(List.of(classes));
        return this;
    }

    /**
     * Copies the sources of classes the fixtures use, under their own names (in them, as in the fixtures, each fixture's
     * name becomes its {@code *Tests} name).
     */
    MavenItProject helpers(Class<?>... classes) {
        helpers.addAll(List.of(classes));
        return this;
    }

    /** Depends on this JUnit Jupiter version instead of the one the enclosing build tests with. */
    MavenItProject junitVersion(String version) {
        junitVersion = version;
        return this;
    }

    /** An entry of {@code src/test/resources/junit-platform.properties}. */
    MavenItProject platformProperty(String key, String value) {
        platformProperties.put(key, value);
        return this;
    }

    /** A {@code -Dkey=value} on the {@code mvn} command line, as a user types it. */
    MavenItProject commandLineProperty(String key, String value) {
        commandLineProperties.put(key, value);
        return this;
    }

    /**
     * Declares the junit-xdist engine before JUnit Jupiter, so that it comes first on the test class path and the
     * Launcher discovers with it first.
     */
    MavenItProject xdistDeclaredFirst() {
        xdistFirst = true;
        return this;
    }

    /** Configures Surefire with {@code <excludeJUnit5Engines>engineId</excludeJUnit5Engines>}. */
    MavenItProject excludeEngineInSurefire(String engineId) {
        return surefireOption("excludeJUnit5Engines", engineId);
    }

    /** Configures Surefire with {@code <name>value</name>}. */
    MavenItProject surefireOption(String name, String value) {
        surefireOptions.put(name, value);
        return this;
    }

    private String surefireConfiguration() {
        if (surefireOptions.isEmpty()) {
            return "";
        }
        StringBuilder xml = new StringBuilder("\n        <configuration>");
        surefireOptions.forEach((name, value) -> xml.append("\n          <")
                .append(name)
                .append('>')
                .append(value)
                .append("</")
                .append(name)
                .append('>'));
        return xml.append("\n        </configuration>").toString();
    }

    /** The generated project's directory, the working directory of its build. */
    Path directory() {
        return directory;
    }

    Path surefireReports() {
        return directory.resolve("target/surefire-reports");
    }

    /** Writes the project and runs {@code mvn -B -q test} on it; returns the exit code. */
    int test() {
        try {
            writeProject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logs = TestPaths.freshDirectory("process-it", "maven-" + name);
        try (ChildProcess maven = ChildProcess.start(mavenCommand(commandLineProperties), directory, Map.of(), logs)) {
            int exitCode = maven.awaitExit(BUILD_LIMIT);
            buildOutput = maven.output();
            return exitCode;
        }
    }

    /** Writes the project without building it, for a test that runs its own commands on it; returns its directory. */
    Path write() {
        try {
            writeProject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    /** What the last {@link #test()} wrote to standard output and standard error. */
    String buildOutput() {
        return buildOutput;
    }

    private void writeProject() throws IOException {
        String dependencies =
                xdistFirst ? XDIST_DEPENDENCY + JUPITER_DEPENDENCY : JUPITER_DEPENDENCY + XDIST_DEPENDENCY;
        Files.writeString(
                directory.resolve("pom.xml"),
                POM.replace("@DEPENDENCIES@\n", dependencies)
                        .replace("@NAME@", name)
                        .replace(
                                "@JUNIT@",
                                !junitVersion.isEmpty() ? junitVersion : property("xdist.it.junitVersion", null))
                        .replace("@PROJECT@", projectVersion())
                        .replace("@SUREFIRE@", property("xdist.it.surefireVersion", "3.6.0"))
                        .replace("@SUREFIRE_CONFIGURATION@", surefireConfiguration()));
        List<Class<?>> sources = new ArrayList<>(fixtures);
        sources.addAll(helpers);
        sources.add(OutputMarkers.class);
        for (Class<?> source : sources) {
            String text = Files.readString(fixtureSources().resolve(sourcePath(source.getName())));
            for (Class<?> fixture : fixtures) {
                text = text.replace(
                        fixture.getSimpleName(),
                        testsClassName(fixture)
                                .substring(fixture.getPackageName().length() + 1));
            }
            Path target = directory
                    .resolve("src/test/java")
                    .resolve(sourcePath(fixtures.contains(source) ? testsClassName(source) : source.getName()));
            Files.createDirectories(target.getParent());
            Files.writeString(target, text);
        }
        if (!platformProperties.isEmpty()) {
            Path resources = Files.createDirectories(directory.resolve("src/test/resources"));
            List<String> lines = new ArrayList<>();
            platformProperties.forEach((key, value) -> lines.add(key + "=" + value));
            Files.write(resources.resolve("junit-platform.properties"), lines);
        }
    }

    /** The {@code mvn} of the Maven installation that runs the enclosing build, or plain {@code mvn}. */
    static String mavenExecutable() {
        String home = property("xdist.it.mavenHome", "");
        return home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    }

    /** The local repository of the enclosing build, where it installed the engine; empty when unknown. */
    static String localRepository() {
        return property("xdist.it.localRepository", "");
    }

    /** The version of the engine under test. */
    static String projectVersion() {
        return property("xdist.it.projectVersion", null);
    }

    private static List<String> mavenCommand(Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(mavenExecutable());
        command.addAll(List.of("-B", "-q"));
        String repository = localRepository();
        if (!repository.isEmpty()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("test");
        return command;
    }

    private static Path fixtureSources() {
        String configured = property("xdist.it.fixtureSources", "");
        if (!configured.isEmpty()) {
            return Path.of(configured);
        }
        Path local = Path.of("src/test/java");
        return Files.isDirectory(local.resolve("io/github/junitxdist/testkit/fixtures/process"))
                ? local
                : Path.of("../testkit-tests/src/test/java");
    }

    private static String sourcePath(String className) {
        return className.replace('.', '/') + ".java";
    }

    /** A system property set by the build; unset or an unresolved {@code ${...}} means {@code fallback}. */
    private static String property(String key, String fallback) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            if (fallback == null) {
                throw new IllegalStateException("System property " + key + " is not set; run through Maven");
            }
            return fallback;
        }
        return value;
    }
}
