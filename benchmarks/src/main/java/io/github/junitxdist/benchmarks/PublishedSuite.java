package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A published project's own test suite, run from its {@code tests} jar as its developers run it: the test classes
 * extracted to a directory (as Maven has them in {@code target/test-classes}), its test resources back under
 * {@code src/test/resources}, its test dependencies at the versions its build uses, and its Surefire JVM options.
 * Which tests fail depends on the machine as much as on the contender, so a run is compared with the sequential run
 * (new failures) instead of being required to pass.
 *
 * @param id {@code L3} or {@code C4}
 * @param title the project and its version
 * @param groupId the project's group id
 * @param artifactId the project's artifact id
 * @param version the project's version; its {@code tests} jar is {@code groupId:artifactId:version:tests}
 * @param testDependencies {@code groupId:artifactId:version} of each test dependency of the project's build
 * @param jvmOptions the JVM options of the project's Surefire configuration
 * @param include the class names its Surefire configuration runs, as a regular expression
 * @param exclude the class names its Surefire configuration leaves out, as a regular expression
 * @param surefireIncludes the same as {@code include}, as Surefire {@code -Dtest} patterns
 * @param surefireExcludes the same as {@code exclude}, as Surefire {@code -Dtest} patterns (without the {@code !})
 * @param workers W of the parallel contenders
 */
record PublishedSuite(
        String id,
        String title,
        String groupId,
        String artifactId,
        String version,
        List<String> testDependencies,
        List<String> jvmOptions,
        String include,
        String exclude,
        List<String> surefireIncludes,
        List<String> surefireExcludes,
        int workers) {

    /**
     * The suite's classes as Surefire's {@code -Dtest}: the includes, then each exclude after {@code !}. Surefire
     * 3.6.0 ran no test of the scanned tests jar when the same patterns were its {@code <includes>}.
     */
    String surefireTest() {
        return Stream.concat(
                        surefireIncludes.stream(), surefireExcludes.stream().map(p -> "!" + p))
                .collect(Collectors.joining(","));
    }

    /** The ids of the published suites, which {@code --suites} accepts; they run only when named. */
    static final List<String> IDS = List.of("L3", "C4");

    /** JUnit Jupiter, which every published suite gets at the version its build manages. */
    private static final String JUPITER = "org.junit.jupiter:junit-jupiter:";

    PublishedSuite {
        testDependencies = List.copyOf(testDependencies);
        jvmOptions = List.copyOf(jvmOptions);
        surefireIncludes = List.copyOf(surefireIncludes);
        surefireExcludes = List.copyOf(surefireExcludes);
    }

    /**
     * The published suites with the given ids; W is {@code workers}, or 2 if 0. The versions are those of the
     * projects' poms (and their {@code commons-parent}) for that release.
     */
    static List<PublishedSuite> create(List<String> ids, int workers) {
        int w = workers > 0 ? workers : 2;
        List<PublishedSuite> suites = new ArrayList<>();
        for (String id : ids) {
            suites.add(
                    switch (id) {
                        case "L3" ->
                            new PublishedSuite(
                                    id,
                                    "Apache Commons Lang 3.20.0",
                                    "org.apache.commons",
                                    "commons-lang3",
                                    "3.20.0",
                                    List.of(
                                            JUPITER + "5.13.4",
                                            "org.junit-pioneer:junit-pioneer:1.9.1",
                                            "org.easymock:easymock:5.6.0",
                                            "org.apache.commons:commons-text:1.14.0",
                                            "org.openjdk.jmh:jmh-core:1.37",
                                            "com.google.code.findbugs:jsr305:3.0.2"),
                                    List.of(
                                            "-Xmx512m",
                                            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                                            "--add-opens=java.base/java.lang=ALL-UNNAMED",
                                            "--add-opens=java.base/java.util=ALL-UNNAMED",
                                            "--add-opens=java.base/java.time=ALL-UNNAMED",
                                            "--add-opens=java.base/java.time.chrono=ALL-UNNAMED"),
                                    ".*Test",
                                    ".*\\$.*",
                                    List.of("**/*Test"),
                                    List.of("**/*$*"),
                                    w);
                        case "C4" ->
                            new PublishedSuite(
                                    id,
                                    "Apache Commons Collections 4.6.0",
                                    "org.apache.commons",
                                    "commons-collections4",
                                    "4.6.0",
                                    List.of(
                                            JUPITER + "5.14.3",
                                            "org.junit-pioneer:junit-pioneer:1.9.1",
                                            "org.mockito:mockito-core:4.11.0",
                                            "org.mockito:mockito-junit-jupiter:4.11.0",
                                            "org.easymock:easymock:5.6.0",
                                            "org.apache.commons:commons-lang3:3.20.0",
                                            "commons-io:commons-io:2.22.0",
                                            "commons-codec:commons-codec:1.22.1",
                                            "com.google.guava:guava-testlib:33.6.0-jre",
                                            "org.openjdk.jmh:jmh-core:1.37"),
                                    List.of(),
                                    ".*Test",
                                    ".*\\$.*|.*\\.Abstract[^.]*|.*\\.BulkTest|.*\\.TestUtils",
                                    List.of("**/*Test"),
                                    List.of("**/*$*", "**/TestUtils", "**/Abstract*", "**/BulkTest"),
                                    w);
                        default -> throw new IllegalArgumentException("unknown published suite " + id);
                    });
        }
        return suites;
    }

    /** The JUnit version the suite's build manages, from its Jupiter dependency. */
    String junitVersion() {
        return testDependencies.stream()
                .filter(d -> d.startsWith(JUPITER))
                .map(d -> d.substring(JUPITER.length()))
                .findFirst()
                .orElseThrow();
    }

    /**
     * The suite cut to its test classes whose names start with A to C, for {@code --quick}: a smoke test of the
     * contenders, not a measurement.
     */
    PublishedSuite narrowed() {
        return new PublishedSuite(
                id,
                title + ", classes A* to C* only",
                groupId,
                artifactId,
                version,
                testDependencies,
                jvmOptions,
                ".*\\.[A-C][^.]*Test",
                exclude,
                List.of("**/A*Test", "**/B*Test", "**/C*Test"),
                surefireExcludes,
                workers);
    }
}
