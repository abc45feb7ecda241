package io.github.junitxdist.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duration history survives a round trip, merges with what another run saved, and shrugs off a bad file. */
class DurationHistoryTests {

    @TempDir
    Path directory;

    @Test
    void aMissingFileIsAnEmptyHistory() {
        assertThat(DurationHistory.load(directory.resolve("none")).earlierMillis()).isEmpty();
    }

    @Test
    void savedDurationsAreReadBackAndMergedWithThoseOfAnotherRun() {
        Path file = directory.resolve(".xdist/durations");
        var first = DurationHistory.load(file);
        var second = DurationHistory.load(file);
        first.record("[engine:xdist]/[class:A]", 1200);
        first.record("[engine:xdist]/[class:B]", 300);
        second.record("[engine:xdist]/[class:B]", 400);
        second.record("[engine:xdist]/[class:C with\ttab?]", 5);

        first.save();
        second.save();

        assertThat(DurationHistory.load(file).earlierMillis()).isEqualTo(Map.of(
                "[engine:xdist]/[class:A]", 1200L,
                "[engine:xdist]/[class:B]", 400L,
                "[engine:xdist]/[class:C with\ttab?]", 5L));
        assertThat(directory.resolve(".xdist")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aCorruptFileIsIgnoredAndReplacedOnSave() throws Exception {
        Path file = directory.resolve("durations");
        Files.writeString(file, "garbage\n12\tx\n");

        var history = DurationHistory.load(file);
        assertThat(history.earlierMillis()).isEmpty();
        history.record("[engine:xdist]/[class:A]", 7);
        history.save();

        assertThat(DurationHistory.load(file).earlierMillis()).containsExactly(Map.entry("[engine:xdist]/[class:A]", 7L));
    }
}
