package io.github.junitxdist.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duration history survives a round trip, merges with what another run saved, shrugs off a corrupt history, and
 * never writes a file that is not a history.
 */
class DurationHistoryTests {

    private static final String KEY = "xdist.durations.file";

    @TempDir
    Path directory;

    @Test
    void aMissingFileIsAnEmptyHistory() {
        assertThat(DurationHistory.load(directory.resolve("none"), KEY).earlierMillis())
                .isEmpty();
    }

    @Test
    void savedDurationsAreReadBackAndMergedWithThoseOfAnotherRun() {
        Path file = directory.resolve(".xdist/durations");
        var first = DurationHistory.load(file, KEY);
        var second = DurationHistory.load(file, KEY);
        first.record("[engine:xdist]/[class:A]", 1200);
        first.record("[engine:xdist]/[class:B]", 300);
        second.record("[engine:xdist]/[class:B]", 400);
        second.record("[engine:xdist]/[class:C with\ttab?]", 5);

        first.save();
        second.save();

        assertThat(DurationHistory.load(file, KEY).earlierMillis())
                .isEqualTo(Map.of(
                        "[engine:xdist]/[class:A]", 1200L,
                        "[engine:xdist]/[class:B]", 400L,
                        "[engine:xdist]/[class:C with\ttab?]", 5L));
        assertThat(directory.resolve(".xdist")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void theCostOfStartingAWorkerIsKeptWithTheDurationsTheLatestWinning() {
        Path file = directory.resolve("durations");
        assertThat(DurationHistory.load(file, KEY).workerStartMillis()).isEmpty();
        var first = DurationHistory.load(file, KEY);
        first.record("[engine:xdist]/[class:A]", 1200);
        first.recordWorkerStart(900);
        first.recordWorkerStart(700);
        first.save();

        var read = DurationHistory.load(file, KEY);

        assertThat(read.workerStartMillis()).hasValue(700);
        assertThat(read.earlierMillis()).containsEntry("[engine:xdist]/[class:A]", 1200L);
    }

    @Test
    void aFigureFromAFreshWorkersFirstUnitNeverReplacesTheWarmOneAndTeachesTheWarmUp() {
        Path file = directory.resolve("durations");
        var first = DurationHistory.load(file, KEY);
        first.record("[engine:xdist]/[class:A]", 2_000, 5, false);
        first.record("[engine:xdist]/[class:B]", 40_000, 5, true);
        first.save();
        var second = DurationHistory.load(file, KEY);
        second.record("[engine:xdist]/[class:A]", 39_000, 5, true);
        second.record("[engine:xdist]/[class:B]", 3_000, 5, false);
        second.save();

        var read = DurationHistory.load(file, KEY);
        assertThat(read.earlierMillis())
                .isEqualTo(Map.of("[engine:xdist]/[class:A]", 2_000L, "[engine:xdist]/[class:B]", 3_000L));
        assertThat(read.workerWarmUpMillis())
                .as("median of 37 s (A) and 37 s (B)")
                .hasValue(37_000);
        assertThat(read.slowWhenFirst())
                .containsExactlyInAnyOrder("[engine:xdist]/[class:A]", "[engine:xdist]/[class:B]");
    }

    @Test
    void howMuchLongerTheLatestForkedRunTookThanPredictedIsKeptWithinBounds() {
        Path file = directory.resolve("durations");
        var history = DurationHistory.load(file, KEY);
        assertThat(history.forkFactor()).isEmpty();
        history.recordForkedRun(7_300, 1, -1, 3_650);
        history.save();
        assertThat(DurationHistory.load(file, KEY).forkFactor()).hasValue(2.0);

        var wild = DurationHistory.load(file, KEY);
        wild.recordForkedRun(60_000, 1, -1, 100);
        wild.save();
        assertThat(DurationHistory.load(file, KEY).forkFactor()).hasValue(5.0);
    }

    @Test
    void wholeRunsInTheCallingJvmAndOnWorkersAreKeptTheLatestWinning() {
        Path file = directory.resolve("durations");
        var first = DurationHistory.load(file, KEY);
        first.recordForkedRun(31_000, 13, 970, 0);
        first.save();
        var second = DurationHistory.load(file, KEY);
        second.recordCallingJvmRun(16_000, 13);
        second.save();

        assertThat(DurationHistory.load(file, KEY).runWalls())
                .isEqualTo(new RunWalls(OptionalLong.of(16_000), 13, OptionalLong.of(31_000), 13, 970));
        assertThat(DurationHistory.load(file, KEY).earlierMillis())
                .as("no unit")
                .isEmpty();
    }

    @Test
    void aCorruptHistoryIsIgnoredAndReplacedOnSaveKeepingItsMode() throws Exception {
        Path file = directory.resolve("durations");
        Files.writeString(file, "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\ngarbage\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        var history = DurationHistory.load(file, KEY);
        assertThat(history.earlierMillis()).isEmpty();
        history.record("[engine:xdist]/[class:A]", 7);
        history.save();

        assertThat(DurationHistory.load(file, KEY).earlierMillis())
                .containsExactly(Map.entry("[engine:xdist]/[class:A]", 7L));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void anEmptyFileIsAnEmptyHistoryAndIsWritten() throws Exception {
        Path file = Files.createFile(directory.resolve("durations"));

        var history = DurationHistory.load(file, KEY);
        history.record("[engine:xdist]/[class:A]", 7);
        history.save();

        assertThat(DurationHistory.load(file, KEY).earlierMillis())
                .containsExactly(Map.entry("[engine:xdist]/[class:A]", 7L));
    }

    @Test
    void aFileThatIsNotAHistoryIsNeverWrittenNorGivenALockFileBesideIt() throws Exception {
        Path file = directory.resolve("notes.txt");
        Files.writeString(file, "garbage\n12\tx\n");

        var history = DurationHistory.load(file, KEY);
        assertThat(history.earlierMillis()).isEmpty();
        history.record("[engine:xdist]/[class:A]", 7);
        history.save();

        assertThat(Files.readString(file)).isEqualTo("garbage\n12\tx\n");
        assertThat(directory).isDirectoryNotContaining("glob:**.lock").isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aFileThatBecameSomethingElseSinceTheRunStartedIsNotWritten() throws Exception {
        Path file = directory.resolve("durations");
        var history = DurationHistory.load(file, KEY);
        Files.writeString(file, "notes written during the run\n");
        history.record("[engine:xdist]/[class:A]", 7);
        history.save();

        assertThat(Files.readString(file)).isEqualTo("notes written during the run\n");
        assertThat(directory).isDirectoryNotContaining("glob:**.lock");
    }
}
