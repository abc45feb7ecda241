package io.github.junitxdist.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MergeHistories}: the histories of two shards and an older full history merge into the newest figure of every
 * unit, whatever the order they are named in; a corrupt or missing input is named and nothing is written.
 */
class MergeHistoriesTests {

    private static final String KEY = "xdist.durations.file";
    private static final String A = "[engine:xdist]/[class:A]";
    private static final String B = "[engine:xdist]/[class:B]";
    private static final String C = "[engine:xdist]/[class:C]";
    private static final String D = "[engine:xdist]/[class:D]";
    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * A full history saved on day 1; each shard starts from a copy of it (as a CI cache restores it), measures its own
     * units on day 2 and saves into its copy, which so still holds day 1's figures of the other shard's units.
     */
    private List<Path> fullAndShardHistories() throws IOException {
        Path full = directory.resolve("full");
        var day1 = DurationHistory.load(full, KEY, () -> 1_000);
        day1.record(A, 5000);
        day1.record(B, 3000);
        day1.record(C, 2000);
        day1.record(D, 1000, 2, true);
        day1.save();
        Path shard1 = Files.copy(full, directory.resolve("shard1"));
        Path shard2 = Files.copy(full, directory.resolve("shard2"));
        var one = DurationHistory.load(shard1, KEY, () -> 2_000);
        one.record(A, 4000);
        one.record(B, 3500);
        one.save();
        var two = DurationHistory.load(shard2, KEY, () -> 2_500);
        two.record(C, 1500);
        two.record(D, 700, 2, true);
        two.save();
        return List.of(full, shard1, shard2);
    }

    @ParameterizedTest(name = "order {0}")
    @ValueSource(strings = {"012", "120", "201", "210"})
    void twoShardHistoriesAndAnOlderFullHistoryGiveTheNewestFigureOfEveryUnit(String order) throws IOException {
        List<Path> histories = fullAndShardHistories();
        Path output = directory.resolve("merged/durations");
        List<String> args = new ArrayList<>(List.of(output.toString()));
        order.chars().forEach(i -> args.add(histories.get(i - '0').toString()));

        assertThat(MergeHistories.run(args, print(out), print(err))).isZero();

        var merged = DurationHistory.load(output, KEY);
        assertThat(merged.earlierMillis())
                .containsEntry(A, 4000L)
                .containsEntry(B, 3500L)
                .containsEntry(C, 1500L)
                .hasSize(4);
        assertThat(Files.readAllLines(output))
                .contains("700\tfirst on a worker " + D, "2500\tmeasured at first on a worker " + D)
                .doesNotContain("1000\tfirst on a worker " + D);
        assertThat(text(out)).contains("merged 3 duration histories into " + output + " (4 units)");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void aHistoryWithoutStampsLosesToAStampedOneAndOfEqualStampsTheLaterInputWins() throws IOException {
        Path legacy = Files.writeString(directory.resolve("legacy"), HEADER + "\n9\t" + A + "\n9\t" + B + "\n");
        Path stamped =
                Files.writeString(directory.resolve("stamped"), HEADER + "\n1\t" + A + "\n5\tmeasured at " + A + "\n");
        Path sameStamp =
                Files.writeString(directory.resolve("same"), HEADER + "\n2\t" + A + "\n5\tmeasured at " + A + "\n");

        assertThat(MergeHistories.merge(List.of(read(stamped), read(legacy))))
                .isEqualTo(Map.of(A, 1L, "measured at " + A, 5L, B, 9L));
        assertThat(MergeHistories.merge(List.of(read(stamped), read(sameStamp))))
                .containsEntry(A, 2L);
        assertThat(MergeHistories.merge(List.of(read(sameStamp), read(stamped))))
                .containsEntry(A, 1L);
    }

    @Test
    void theOutputMayBeOneOfTheInputs() throws IOException {
        List<Path> histories = fullAndShardHistories();
        Path full = histories.get(0);

        int status = MergeHistories.run(
                List.of(
                        full.toString(),
                        full.toString(),
                        histories.get(1).toString(),
                        histories.get(2).toString()),
                print(out),
                print(err));

        assertThat(status).isZero();
        assertThat(DurationHistory.load(full, KEY).earlierMillis())
                .containsEntry(A, 4000L)
                .containsEntry(C, 1500L);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"malformed line", "negative", "not a number", "someone else's file", "missing"})
    void aCorruptInputIsNamedAndNothingIsMerged(String problem) throws IOException {
        List<Path> histories = fullAndShardHistories();
        Path corrupt = directory.resolve("corrupt");
        switch (problem) {
            case "malformed line" -> Files.writeString(corrupt, HEADER + "\n12\t" + A + "\nno tab here\n");
            case "negative" -> Files.writeString(corrupt, HEADER + "\n-12\t" + A + "\n");
            case "not a number" -> Files.writeString(corrupt, HEADER + "\ntwelve\t" + A + "\n");
            case "someone else's file" -> Files.writeString(corrupt, "my notes\n");
            default -> {}
        }
        Path output = directory.resolve("merged");
        Files.writeString(output, HEADER + "\n1\t" + A + "\n");

        int status = MergeHistories.run(
                List.of(
                        output.toString(),
                        histories.get(1).toString(),
                        corrupt.toString(),
                        histories.get(2).toString()),
                print(out),
                print(err));

        assertThat(status).isEqualTo(1);
        assertThat(text(err))
                .startsWith("junit-xdist: cannot merge " + corrupt + ", which is not a readable junit-xdist duration"
                        + " history (")
                .contains("nothing was merged and " + output + " was not written");
        assertThat(Files.readString(output)).isEqualTo(HEADER + "\n1\t" + A + "\n");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void anOutputThatIsNotAHistoryIsNotWritten() throws IOException {
        List<Path> histories = fullAndShardHistories();
        Path notes = Files.writeString(directory.resolve("notes"), "my notes\n");

        int status =
                MergeHistories.run(List.of(notes.toString(), histories.get(1).toString()), print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("will not write " + notes);
        assertThat(Files.readString(notes)).isEqualTo("my notes\n");
    }

    @Test
    void withoutAnInputItSaysHowItIsUsed() {
        assertThat(MergeHistories.run(List.of("out"), print(out), print(err))).isEqualTo(2);
        assertThat(text(err))
                .startsWith("usage: java -cp junit-xdist-engine.jar "
                        + "io.github.junitxdist.history.MergeHistories <output> <input>...");
        assertThat(directory.resolve("out")).doesNotExist();
    }

    private static Map<String, Long> read(Path file) throws IOException {
        return HistoryFile.read(file);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
