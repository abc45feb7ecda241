package io.github.junitxdist.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A {@link PublishedSuite} laid out as a Maven project under {@code benchmarks/target/suites/<id>/}: a {@code pom.xml}
 * with the project's jar, its {@code tests} jar and its test dependencies (plus the engine, as a user adds it, and
 * the JUnit Platform Console), every JUnit artifact aligned to the suite's JUnit version by its BOM, Surefire configured as the project configures it, with the
 * tests jar in {@code dependenciesToScan}; the tests jar's classes extracted to {@code test-classes/} for the
 * ConsoleLauncher and its resources to {@code src/test/resources/}, where the tests read them; and the test classpath
 * without the tests jar in {@code classpath.txt}.
 *
 * @param suite the suite
 * @param directory the project directory
 * @param testClasses the extracted test classes
 * @param classpath the ConsoleLauncher's classpath: {@code test-classes/}, then every test dependency and the engine
 */
record PublishedProject(PublishedSuite suite, Path directory, Path testClasses, String classpath) {

    private static final Duration RESOLVE_LIMIT = Duration.ofMinutes(20);

    /** Writes the project, resolves its dependencies with Maven and extracts the tests jar. */
    static PublishedProject prepare(PublishedSuite suite, Toolchain toolchain)
            throws IOException, InterruptedException {
        Path directory =
                toolchain.workDirectory().resolve("suites").resolve(suite.id().toLowerCase(Locale.ROOT));
        FileTrees.delete(directory);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("pom.xml"), pom(suite, toolchain));
        Path classpathFile = directory.resolve("classpath.txt");
        List<String> resolve = new ArrayList<>(toolchain.maven());
        resolve.addAll(List.of(
                "dependency:build-classpath",
                "-Dmdep.outputFile=" + classpathFile,
                "-Dmdep.includeScope=test",
                "-Dmdep.excludeClassifiers=tests"));
        Path log = toolchain
                .workDirectory()
                .resolve("benchmark-logs")
                .resolve(suite.id())
                .resolve("resolve.log");
        TimedProcess.Result resolved = TimedProcess.run(resolve, directory, Map.of(), log, RESOLVE_LIMIT);
        if (resolved.exitCode() != 0) {
            throw new IllegalStateException("Resolving " + suite.title() + " failed; see " + log);
        }
        Path testsJar = toolchain
                .localRepository()
                .resolve(suite.groupId().replace('.', '/'))
                .resolve(suite.artifactId())
                .resolve(suite.version())
                .resolve(suite.artifactId() + "-" + suite.version() + "-tests.jar");
        Path testClasses = directory.resolve("test-classes");
        extract(testsJar, testClasses, directory.resolve("src/test/resources"));
        String classpath = testClasses
                + File.pathSeparator
                + Files.readString(classpathFile).trim();
        return new PublishedProject(suite, directory, testClasses, classpath);
    }

    /**
     * Extracts the classes to {@code classes}, and everything else but {@code META-INF} to both: the project's build
     * copied its test resources into the jar, and some tests read them as files under {@code src/test/resources}.
     */
    private static void extract(Path jar, Path classes, Path resources) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
                    continue;
                }
                List<Path> targets = entry.getName().endsWith(".class")
                        ? List.of(classes.resolve(entry.getName()))
                        : List.of(classes.resolve(entry.getName()), resources.resolve(entry.getName()));
                for (Path target : targets) {
                    Path normalized = target.normalize();
                    if (!normalized.startsWith(classes) && !normalized.startsWith(resources)) {
                        throw new IOException("Entry " + entry.getName() + " of " + jar + " leaves its directory");
                    }
                    Files.createDirectories(normalized.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, normalized);
                    }
                }
            }
        }
    }

    private static String pom(PublishedSuite suite, Toolchain toolchain) {
        StringBuilder dependencies = new StringBuilder();
        dependency(dependencies, suite.groupId() + ":" + suite.artifactId() + ":" + suite.version(), "compile", "");
        dependency(
                dependencies,
                suite.groupId() + ":" + suite.artifactId() + ":" + suite.version(),
                "test",
                "<type>test-jar</type>");
        for (String coordinates : suite.testDependencies()) {
            dependency(dependencies, coordinates, "test", "");
        }
        dependency(dependencies, "org.junit.platform:junit-platform-console:" + platformVersion(suite), "test", "");
        dependency(dependencies, "io.github.junitxdist:junit-xdist-engine:" + toolchain.projectVersion(), "test", "");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>bench</groupId>
                  <artifactId>bench-%s</artifactId>
                  <version>1</version>
                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>org.junit</groupId>
                        <artifactId>junit-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>%s
                  </dependencies>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.apache.maven.plugins</groupId>
                        <artifactId>maven-surefire-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <argLine>%s</argLine>
                          <dependenciesToScan><dependency>%s:%s:test-jar:tests</dependency></dependenciesToScan>
                          <trimStackTrace>false</trimStackTrace>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(
                        suite.id().toLowerCase(Locale.ROOT),
                        suite.junitVersion(),
                        dependencies,
                        toolchain.surefireVersion(),
                        String.join(" ", suite.jvmOptions()),
                        suite.groupId(),
                        suite.artifactId());
    }

    /** The JUnit Platform version of a Jupiter version: 1.x for Jupiter 5.x, the same number from 6 on. */
    static String platformVersion(PublishedSuite suite) {
        String jupiter = suite.junitVersion();
        return jupiter.startsWith("5.") ? "1." + jupiter.substring(2) : jupiter;
    }

    private static void dependency(StringBuilder out, String coordinates, String scope, String extra) {
        String[] parts = coordinates.split(":", -1);
        out.append("\n    <dependency><groupId>")
                .append(parts[0])
                .append("</groupId><artifactId>")
                .append(parts[1])
                .append("</artifactId><version>")
                .append(parts[2])
                .append("</version>")
                .append(extra)
                .append("<scope>")
                .append(scope)
                .append("</scope></dependency>");
    }
}
