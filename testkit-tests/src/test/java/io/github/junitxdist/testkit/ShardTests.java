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

    private void assertShardsCoverTheSuite(String mode, int shards) throws IOException {
        List<Run> runs = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            runs.add(run(mode, i + "/" + shards));
        }
        List<String> all = new ArrayList<>();
        Map<String, Integer> shardOfClass = new HashMap<>();
        for (int i = 0; i < shards; i++) {
            Run shard = runs.get(i);
            all.addAll(shard.tests());
            assertThat(shard.skipped())
                    .as("nothing of the other shards is reported")
                    .isEmpty();
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
    }

    /** Runs the fixture suite, as one shard if given, with a duration history of its own (empty). */
    private Run run(String mode, String shard) throws IOException {
        Path own = Files.createDirectories(directory.resolve("run" + runs++));
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
