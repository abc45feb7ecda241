package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.api.Constants;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The two CI examples of the README's "Split a suite over several CI machines", read from README.md, parsed as YAML
 * and played as GitHub Actions and GitLab CI would run them (see {@link SimulatedCi}) on a small fixture project of
 * nine classes: a first pipeline without history, whose shards together report every test once and whose last job
 * merges their histories into the cache, and a second pipeline whose shard restores that cache and splits by it.
 *
 * <p>The scripts run as written, with bash; what the {@code uses:} steps of GitHub Actions and the {@code cache:},
 * {@code artifacts:} and {@code needs:} entries of GitLab stand for is done by {@link SimulatedCi}. The only change to
 * what the README says is {@code <version>}, the engine version a user fills in, which becomes the version under test.
 * The scripts' {@code mvn} (the shards' {@code mvn -B test}, the merge job's {@code dependency:copy} of the engine) is a
 * wrapper first on their {@code PATH} that adds {@code -o -Dmaven.repo.local=<this build's local repository>}, where
 * the engine under test is installed.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class CiExamplesTests {

    private static final String SECTION = "## Split a suite over several CI machines";

    private static final Class<?>[] FIXTURES = SurefireShardTests.FIXTURES;

    private static final String WITHOUT_HISTORY =
            "expected work of each shard (no duration history, by number of tests)";
    private static final String WITH_HISTORY = "expected work of each shard (duration history)";

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.+?)\\s*}}");

    /** One job as it ran: its workspace, whether it passed, and what its scripts printed. */
    private record JobRun(String name, Path workspace, boolean passed, String output) {}

    @Test
    void theGitHubActionsMatrixRunsEveryTestOnceAndItsMergedHistorySplitsTheNextRun() {
        Map<?, ?> jobs = map(example(true), "jobs");
        Map<?, ?> test = map(jobs, "test");
        Map<?, ?> durations = map(jobs, "durations");
        assertThat(durations.get("needs")).isEqualTo("test");
        assertThat(durations.get("if")).isEqualTo("always()");
        List<String> shards = strings(map(map(test, "strategy"), "matrix"), "shard");
        SimulatedCi ci = new SimulatedCi("github", project("ci-github"));

        List<JobRun> first = new ArrayList<>();
        for (String shard : shards) {
            first.add(playGitHub(ci, "run 1 test " + shard, test, Map.of("matrix.shard", shard, "github.run_id", "1")));
        }
        assertShardsRanEveryTestOnce(first, WITHOUT_HISTORY);
        JobRun merge = playGitHub(ci, "run 1 durations", durations, Map.of("github.run_id", "1"));
        assertThat(merge.passed()).as(merge.output()).isTrue();
        assertThat(merge.output()).contains("merged " + shards.size() + " duration histories");
        Map<?, ?> save = optionalMap(step(durations, "actions/cache/save"), "with");
        assertMergedHistoryIsCached(ci, substitute(text(save, "key"), Map.of("github.run_id", "1")));

        ci.newPipeline();
        JobRun next = playGitHub(
                ci, "run 2 test " + shards.get(0), test, Map.of("matrix.shard", shards.get(0), "github.run_id", "2"));
        assertThat(next.passed()).as(next.output()).isTrue();
        assertThat(next.output()).contains("shard 1/" + shards.size() + " kept").contains(WITH_HISTORY);
    }

    @Test
    void theGitLabParallelJobRunsEveryTestOnceAndItsMergedHistorySplitsTheNextPipeline() {
        Map<?, ?> pipeline = example(false);
        Map<?, ?> test = map(pipeline, "test");
        Map<?, ?> durations = map(pipeline, "durations");
        assertThat(strings(durations, "needs")).containsExactly("test");
        assertThat(durations.get("when")).isEqualTo("always");
        int total = ((Number) test.get("parallel")).intValue();
        SimulatedCi ci = new SimulatedCi("gitlab", project("ci-gitlab"));

        List<JobRun> first = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            first.add(playGitLab(ci, 1, "test " + i + "/" + total, test, parallelVariables(i, total)));
        }
        assertShardsRanEveryTestOnce(first, WITHOUT_HISTORY);
        JobRun merge = playGitLab(ci, 1, "durations", durations, Map.of());
        assertThat(merge.passed()).as(merge.output()).isTrue();
        assertThat(merge.output()).contains("merged " + total + " duration histories");
        assertMergedHistoryIsCached(ci, String.valueOf(map(durations, "cache").get("key")));

        ci.newPipeline();
        JobRun next = playGitLab(ci, 2, "test 1/" + total, test, parallelVariables(1, total));
        assertThat(next.passed()).as(next.output()).isTrue();
        assertThat(next.output()).contains("shard 1/" + total + " kept").contains(WITH_HISTORY);
    }

    /**
     * Plays one GitHub Actions job (one entry of its matrix): its steps in order in a fresh workspace, a step without
     * {@code if:} only while all before it passed, {@code ${{ ... }}} replaced from {@code context}.
     */
    private static JobRun playGitHub(SimulatedCi ci, String name, Map<?, ?> job, Map<String, String> context) {
        Path workspace = ci.workspace(name);
        StringBuilder output = new StringBuilder();
        boolean failed = false;
        for (Object item : list(job, "steps")) {
            Map<?, ?> step = (Map<?, ?>) item;
            Object condition = step.get("if");
            assertThat(condition).as("a step's if:").isIn(null, "always()");
            if (failed && condition == null) {
                continue;
            }
            boolean passed;
            if (step.containsKey("uses")) {
                passed = playAction(ci, workspace, text(step, "uses"), optionalMap(step, "with"), context);
            } else {
                SimulatedCi.Script script =
                        ci.run(name, substitute(text(step, "run"), context), workspace, environment(step.get("env")));
                output.append(script.output());
                passed = script.status() == 0;
            }
            failed |= !passed;
        }
        return new JobRun(name, workspace, !failed, output.toString());
    }

    /** What a GitHub action the example uses does, done by the simulated CI; whether it passed. */
    private static boolean playAction(
            SimulatedCi ci, Path workspace, String uses, Map<?, ?> with, Map<String, String> context) {
        String action = uses.replaceFirst("@.*", "");
        switch (action) {
            case "actions/checkout" -> ci.checkOut(workspace);
            case "actions/setup-java" -> {
                // The JDK that runs this test is the job's.
            }
            case "actions/cache/restore" ->
                ci.restoreCache(
                        workspace,
                        substitute(text(with, "key"), context),
                        lines(substitute(text(with, "restore-keys"), context)));
            case "actions/cache/save" ->
                ci.saveCache(substitute(text(with, "key"), context), workspace, lines(text(with, "path")), false);
            case "actions/upload-artifact" -> {
                int files = ci.uploadArtifact(
                        substitute(text(with, "name"), context),
                        workspace,
                        lines(substitute(text(with, "path"), context)));
                return files > 0 || !"error".equals(with.get("if-no-files-found"));
            }
            case "actions/download-artifact" -> {
                var names = FileSystems.getDefault().getPathMatcher("glob:" + text(with, "pattern"));
                ci.downloadArtifacts(
                        workspace,
                        artifact -> names.matches(Path.of(artifact)),
                        Boolean.TRUE.equals(with.get("merge-multiple")));
            }
            default -> throw new AssertionError("The README uses " + uses + ", which this test does not play");
        }
        return true;
    }

    /**
     * Plays one GitLab CI job in a fresh checkout: the artifacts of the jobs it {@code needs}, its cache pulled, its
     * {@code script} in one shell (stopping at the first failing line), its {@code after_script} in another whatever
     * happened, then its artifacts kept and its cache pushed as they say.
     */
    private static JobRun playGitLab(
            SimulatedCi ci, int pipeline, String name, Map<?, ?> job, Map<String, String> predefined) {
        Path workspace = ci.workspace("pipeline " + pipeline + " " + name);
        ci.checkOut(workspace);
        Map<String, String> variables = new HashMap<>(predefined);
        variables.putAll(environment(job.get("variables")));
        for (String needed : job.containsKey("needs") ? strings(job, "needs") : List.<String>of()) {
            ci.downloadArtifacts(
                    workspace, artifact -> artifact.equals(needed) || artifact.startsWith(needed + " "), true);
        }
        Map<?, ?> cache = optionalMap(job, "cache");
        String policy = String.valueOf(cache.containsKey("policy") ? cache.get("policy") : "pull-push");
        if (!cache.isEmpty() && policy.startsWith("pull")) {
            ci.restoreCache(workspace, text(cache, "key"), List.of());
        }
        SimulatedCi.Script script = ci.run(name, String.join("\n", strings(job, "script")), workspace, variables);
        boolean passed = script.status() == 0;
        String output = script.output();
        if (job.containsKey("after_script")) {
            output += ci.run(name + " after", String.join("\n", strings(job, "after_script")), workspace, variables)
                    .output();
        }
        Map<?, ?> artifacts = optionalMap(job, "artifacts");
        if (!artifacts.isEmpty() && (passed || "always".equals(artifacts.get("when")))) {
            ci.uploadArtifact(name, workspace, strings(artifacts, "paths"));
        }
        if (!cache.isEmpty() && policy.endsWith("push") && passed) {
            ci.saveCache(text(cache, "key"), workspace, strings(cache, "paths"), true);
        }
        return new JobRun(name, workspace, passed, output);
    }

    /** The step of the job that uses the action. */
    private static Map<?, ?> step(Map<?, ?> job, String action) {
        return list(job, "steps").stream()
                .map(step -> (Map<?, ?>) step)
                .filter(step -> String.valueOf(step.get("uses")).startsWith(action + "@"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No step uses " + action));
    }

    private static Map<String, String> parallelVariables(int index, int total) {
        return Map.of("CI_NODE_INDEX", String.valueOf(index), "CI_NODE_TOTAL", String.valueOf(total));
    }

    /** The shards passed, said what they kept, and their Surefire reports together hold every test exactly once. */
    private static void assertShardsRanEveryTestOnce(List<JobRun> shards, String expectedWork) {
        List<String> reported = new ArrayList<>();
        for (int i = 0; i < shards.size(); i++) {
            JobRun shard = shards.get(i);
            assertThat(shard.passed())
                    .as("%s passed:%n%s", shard.name(), shard.output())
                    .isTrue();
            assertThat(shard.output())
                    .as(shard.name())
                    .contains("shard " + (i + 1) + "/" + shards.size() + " kept")
                    .contains(expectedWork);
            XmlReport.read(shard.workspace().resolve("target/surefire-reports")).testCases().stream()
                    .map(XmlReport.TestCase::key)
                    .forEach(reported::add);
        }
        assertThat(reported)
                .as("the tests the shards reported")
                .containsExactlyInAnyOrderElementsOf(ExpectedTests.of(FIXTURES).stream()
                        .map(key -> key.replaceFirst("Fixture#", "Tests#"))
                        .toList());
    }

    /**
     * The cache entry holds, where the next run reads it, a history with a figure for every class of every shard: a
     * warm one, or for the class a worker ran first only that first figure.
     */
    private static void assertMergedHistoryIsCached(SimulatedCi ci, String key) {
        Path history = ci.cached(key, Constants.DURATIONS_FILE_DEFAULT)
                .orElseThrow(() ->
                        new AssertionError("No " + Constants.DURATIONS_FILE_DEFAULT + " in the cache entry " + key));
        List<String> lines = readLines(history);
        for (Class<?> fixture : FIXTURES) {
            assertThat(lines)
                    .as("the merged history")
                    .anyMatch(line -> line.matches("\\d+\t(first on a worker )?\\[engine:xdist]/\\[class:"
                            + Pattern.quote(MavenItProject.testsClassName(fixture)) + "]"));
        }
    }

    /** The fixture project, the repository the jobs check out: the nine classes, on one worker per shard. */
    private static Path project(String name) {
        return MavenItProject.named(name)
                .fixtures(FIXTURES)
                .platformProperty("xdist.workers", "1")
                .write();
    }

    /** The README's GitHub Actions example, or its GitLab CI one, as parsed YAML. */
    private static Map<?, ?> example(boolean gitHub) {
        Path readme = repositoryRoot().resolve("README.md");
        String text = read(readme);
        int start = text.indexOf("\n" + SECTION + "\n");
        assertThat(start).as("%s in %s", SECTION, readme).isNotNegative();
        int end = text.indexOf("\n## ", start + 1);
        Matcher blocks = Pattern.compile("\n```yaml\n(.*?)\n```\n", Pattern.DOTALL)
                .matcher(text.substring(start, end < 0 ? text.length() : end));
        List<Map<?, ?>> examples = new ArrayList<>();
        while (blocks.find()) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(blocks.group(1));
            assertThat(parsed).as("a YAML block of the section").isInstanceOf(Map.class);
            examples.add((Map<?, ?>) parsed);
        }
        assertThat(examples).as("the YAML blocks of " + SECTION).hasSize(2);
        // GitHub Actions workflows keep their jobs under `jobs:`; GitLab's are top-level keys.
        return examples.stream()
                .filter(example -> example.containsKey("jobs") == gitHub)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + (gitHub ? "GitHub Actions" : "GitLab CI") + " example"));
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("engine"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No repository root above " + Path.of("").toAbsolutePath());
    }

    /** {@code ${{ name }}} replaced by the context's value; one the context lacks fails the test. */
    private static String substitute(String text, Map<String, String> context) {
        Matcher expression = EXPRESSION.matcher(text);
        StringBuilder result = new StringBuilder();
        while (expression.find()) {
            String value = context.get(expression.group(1));
            if (value == null) {
                throw new AssertionError("The README uses " + expression.group() + ", which this test does not know");
            }
            expression.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return expression.appendTail(result).toString();
    }

    /** A step's {@code env:} or a job's {@code variables:}, with {@code <version>} the engine version under test. */
    private static Map<String, String> environment(Object entries) {
        Map<String, String> environment = new HashMap<>();
        if (entries instanceof Map<?, ?> map) {
            map.forEach((name, value) -> environment.put(
                    String.valueOf(name), String.valueOf(value).replace("<version>", MavenItProject.projectVersion())));
        }
        return environment;
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<?, ?>) value;
    }

    private static Map<?, ?> optionalMap(Map<?, ?> parent, String key) {
        return parent.containsKey(key) ? map(parent, key) : Map.of();
    }

    private static List<?> list(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<?>) value;
    }

    /** A list of scalars, or one scalar, as strings. */
    private static List<String> strings(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isNotNull();
        return value instanceof List<?> items
                ? items.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
    }

    private static String text(Map<?, ?> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isNotNull();
        return String.valueOf(value);
    }

    /** The lines of a multi-line action input (a {@code path:} or {@code restore-keys:}), blank ones left out. */
    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static List<String> readLines(Path file) {
        return read(file).lines().toList();
    }
}
