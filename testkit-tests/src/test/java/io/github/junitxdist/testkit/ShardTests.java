package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.github.junitxdist.testkit.fixtures.shard.ShardPlainOneFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code xdist.shard=i/n} on real workers: the shards of the fixture suite together run every test once, keep
 * serial, grouped and lock-sharing classes together, and report nothing of the other shards.
 */
class ShardTests {

    private static final String PACKAGE = ShardPlainOneFixture.class.getPackageName();

    /**
     * The fixture suite's tests: 1 + 2 + 3 plain, 3 nested (1 + 2), 3 parameterized invocations, 1 + 2 serial, 1 + 2
     * grouped, 2 writing and 1 reading a lock.
     */
    private static final int SUITE_TESTS = 21;

    private static final int SUITE_CLASSES = 11;

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n";

    private static final Pattern CLASS = Pattern.compile("\\[class:" + Pattern.quote(PACKAGE) + "\\.([A-Za-z]+)\\]");

    @TempDir
    Path directory;

    private int runs;

    /** What one run executed and printed. */
    private record Run(Set<String> tests, Set<String> classes, List<Event> skipped, String stderr) {}

    @Test
    void withoutAShardTheWholeSuiteRuns() throws IOException {
        Run whole = run("loadscope", null);

        assertThat(whole.tests()).hasSize(SUITE_TESTS);
        assertThat(whole.classes()).hasSize(SUITE_CLASSES);
        assertThat(whole.stderr()).doesNotContain("shard");
    }

    @ParameterizedTest(name = "{0} shards")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theShardsRunEveryTestOfTheSuiteOnceKeepingConstrainedClassesTogether(int shards) throws IOException {
        assertShardsCoverTheSuite("loadscope", shards);
    }

    @ParameterizedTest(name = "xdist.dist={0}")
    @ValueSource(strings = {"load", "loadgroup", "worksteal", "no"})
    void everyDistributionModeSplitsTheSameWay(String mode) throws IOException {
        assertShardsCoverTheSuite(mode, 3);
    }

    @Test
    void theSummarySaysWhatTheShardKeptAndTheExpectedWorkOfEveryShard() throws IOException {
        Run first = run("loadscope", "1/2");
        Run second = run("loadscope", "2/2");

        Matcher line = Pattern.compile("shard 1/2 kept (\\d+) of 11 classes: ([^;]+); expected work of each shard"
                        + " \\(no duration history, by number of tests\\): 1/2 (\\d+) tests, 2/2 (\\d+) tests")
                .matcher(first.stderr());
        assertThat(line.find()).as(first.stderr()).isTrue();
        assertThat(Integer.parseInt(line.group(1))).isEqualTo(first.classes().size());
        assertThat(Set.of(line.group(2).split(", "))).isEqualTo(first.classes());
        // The expected work of a shard without history is its number of tests (a template counts once).
        assertThat(Integer.parseInt(line.group(3)) + Integer.parseInt(line.group(4)))
                .isEqualTo(SUITE_TESTS - 2);
        assertThat(second.stderr())
                .contains("shard 2/2 kept " + second.classes().size() + " of 11 classes");
    }

    @Test
    void withHistoryTheLongClassSharesItsShardWithLittleElse() throws IOException {
        StringBuilder history = new StringBuilder(HEADER);
        for (String name : List.of(
                "ShardPlainOneFixture",
                "ShardPlainTwoFixture",
                "ShardNestedFixture",
                "ShardParameterizedFixture",
                "ShardSerialAFixture",
                "ShardSerialBFixture",
                "ShardGroupAFixture",
                "ShardGroupBFixture",
                "ShardWriterFixture",
                "ShardReaderFixture")) {
            history.append("1000\t[engine:xdist]/[class:")
                    .append(PACKAGE)
                    .append('.')
                    .append(name)
                    .append("]\n");
        }
        history.append("9000\t[engine:xdist]/[class:").append(PACKAGE).append(".ShardPlainThreeFixture]\n");

        List<Run> runs = assertShardsCoverTheSuite("loadscope", 2, history.toString());

        Run longOne = runs.stream()
                .filter(run -> run.classes().contains("ShardPlainThreeFixture"))
                .findFirst()
                .orElseThrow();
        // 9 s against ten classes of 1 s (three pairs that stay together, four alone): the long class goes first, to
        // shard 1, the other shard takes the rest until it has as much, and the last class goes back to shard 1.
        assertThat(longOne.classes()).hasSize(2);
        assertThat(longOne.stderr())
                .contains("shard 1/2 kept 2 of 11 classes")
                .contains("expected work of each shard (duration history): 1/2 10.00 s, 2/2 9.00 s");
    }

    private List<Run> assertShardsCoverTheSuite(String mode, int shards) throws IOException {
        return assertShardsCoverTheSuite(mode, shards, null);
    }

    private List<Run> assertShardsCoverTheSuite(String mode, int shards, String history) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            runs.add(run(mode, i + "/" + shards, history));
        }
        List<String> all = new ArrayList<>();
        Map<String, Integer> shardOfClass = new HashMap<>();
        for (int i = 0; i < shards; i++) {
            Run shard = runs.get(i);
            all.addAll(shard.tests());
            assertThat(shard.skipped())
                    .as("nothing of the other shards is reported")
                    .isEmpty();
            assertThat(shard.stderr())
                    .as("the summary, or in the calling JVM the line alone")
                    .contains((mode.equals("no") ? "junit-xdist: shard " : "  shard ") + (i + 1) + "/" + shards
                            + " kept " + shard.classes().size() + " of " + SUITE_CLASSES + " classes");
            for (String name : shard.classes()) {
                assertThat(shardOfClass.put(name, i))
                        .as(name + " in two shards")
                        .isNull();
            }
        }
        assertThat(all).doesNotHaveDuplicates().hasSize(SUITE_TESTS);
        assertThat(shardOfClass).hasSize(SUITE_CLASSES);
        assertThat(shardOfClass.get("ShardSerialAFixture")).isEqualTo(shardOfClass.get("ShardSerialBFixture"));
        assertThat(shardOfClass.get("ShardGroupAFixture")).isEqualTo(shardOfClass.get("ShardGroupBFixture"));
        assertThat(shardOfClass.get("ShardWriterFixture")).isEqualTo(shardOfClass.get("ShardReaderFixture"));
        return runs;
    }

    private Run run(String mode, String shard) throws IOException {
        return run(mode, shard, null);
    }

    /**
     * Runs the fixture suite, as one shard if given, with a duration history of its own: a copy of {@code history}, as
     * every shard of a CI run starts from the same cached file, or none.
     */
    private Run run(String mode, String shard, String history) throws IOException {
        Path own = Files.createDirectories(directory.resolve("run" + runs++));
        if (history != null) {
            Files.writeString(own.resolve("durations"), history);
        }
        var builder = EngineTestKit.engine("xdist")
                .selectors(selectPackage(PACKAGE))
                .configurationParameter(
                        "xdist.durations.file", own.resolve("durations").toString())
                .configurationParameter("xdist.report.dir", own.toString())
                .configurationParameter("xdist.workers", "2")
                .configurationParameter("xdist.dist", mode);
        if (shard != null) {
            builder.configurationParameter("xdist.shard", shard);
        }
        var stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        EngineExecutionResults results;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            results = builder.execute();
        } finally {
            System.setErr(original);
        }
        results.testEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
        Set<String> tests = new HashSet<>();
        Set<String> classes = new HashSet<>();
        for (Event event : results.testEvents().finished().list()) {
            String id = event.getTestDescriptor().getUniqueId().toString();
            tests.add(id);
            Matcher name = CLASS.matcher(id);
            assertThat(name.find()).as(id).isTrue();
            classes.add(name.group(1));
        }
        assertThat(results.testEvents().started().count()).isEqualTo(tests.size());
        List<Event> skipped = results.allEvents().skipped().list();
        return new Run(tests, classes, skipped, stderr.toString(StandardCharsets.UTF_8));
    }
}
