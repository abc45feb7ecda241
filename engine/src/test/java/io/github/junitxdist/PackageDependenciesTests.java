package io.github.junitxdist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency arrows between the engine's packages are the ones their {@code package-info.java} files state, and
 * none goes round in a circle: read from the sources (imports and qualified names, string literals left out).
 */
class PackageDependenciesTests {

    private static final Path SOURCES = Path.of("src/main/java/io/github/junitxdist");

    /** What each package may depend on, as its package-info says. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("protocol", Set.of()),
            Map.entry("history", Set.of()),
            Map.entry("scheduling", Set.of()),
            Map.entry("execution", Set.of()),
            Map.entry("config", Set.of("api", "scheduling")),
            Map.entry("discovery", Set.of("api", "scheduling")),
            Map.entry("plan", Set.of("discovery", "protocol", "scheduling")),
            Map.entry("relay", Set.of("plan", "protocol")),
            Map.entry("report", Set.of("api")),
            Map.entry("process", Set.of("api", "protocol")),
            Map.entry("worker", Set.of("api", "discovery", "protocol")),
            Map.entry(
                    "coordinator",
                    Set.of(
                            "api",
                            "config",
                            "discovery",
                            "execution",
                            "history",
                            "plan",
                            "process",
                            "protocol",
                            "relay",
                            "report",
                            "scheduling",
                            "worker")),
            Map.entry("engine", Set.of("api", "config", "coordinator", "discovery", "plan")));

    private static final Pattern REFERENCE = Pattern.compile("io\\.github\\.junitxdist\\.([a-z]+)\\.");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");

    @Test
    void everyPackageDependsOnlyOnWhatItsPackageInfoAllows() throws IOException {
        Map<String, Set<String>> actual = dependencies();

        assertThat(actual.keySet()).as("packages without declared dependencies").isSubsetOf(ALLOWED.keySet());
        actual.forEach(
                (pkg, uses) -> assertThat(uses).as("what %s depends on", pkg).isSubsetOf(ALLOWED.get(pkg)));
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> actual = dependencies();

        for (String pkg : actual.keySet()) {
            assertThat(reachable(pkg, actual))
                    .as("packages reachable from %s", pkg)
                    .doesNotContain(pkg);
        }
    }

    @Test
    void everyPackageInfoSaysWhatThePackageMayDependOn() throws IOException {
        try (Stream<Path> packages = Files.list(SOURCES)) {
            for (Path pkg : packages.filter(Files::isDirectory).toList()) {
                assertThat(Files.readString(pkg.resolve("package-info.java")))
                        .as(pkg.toString())
                        .containsPattern("Depends on|depends on");
            }
        }
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                String code = STRING_LITERAL.matcher(Files.readString(file)).replaceAll("\"\"");
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(code);
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        used.add(reference.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static Set<String> reachable(String from, Map<String, Set<String>> uses) {
        Set<String> seen = new HashSet<>();
        Set<String> next = new HashSet<>(uses.getOrDefault(from, Set.of()));
        while (!next.isEmpty()) {
            String pkg = next.iterator().next();
            next.remove(pkg);
            if (seen.add(pkg)) {
                next.addAll(uses.getOrDefault(pkg, Set.of()));
            }
        }
        return seen;
    }
}
