package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.scheduling.Shard;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The summary's line on a shard: the classes it kept and the expected work of every shard. */
class ShardSelectionTests {

    @Test
    void namesTheKeptClassesAndTheExpectedWorkOfEveryShardInSecondsFromTheHistory() {
        var selection =
                new ShardSelection(new Shard(2, 3), List.of("ATests", "BTests"), 5, List.of(4200L, 4100L, 3900L), true);

        assertThat(selection.line())
                .isEqualTo("shard 2/3 kept 2 of 5 classes: ATests, BTests; expected work of each shard (duration"
                        + " history): 1/3 4.20 s, 2/3 4.10 s, 3/3 3.90 s");
    }

    @Test
    void withoutHistoryTheWorkIsInTestsAndManyClassesAreCounted() {
        List<String> kept = IntStream.rangeClosed(1, 12).mapToObj(i -> "C" + i).toList();
        var selection = new ShardSelection(new Shard(1, 2), kept, 24, List.of(30L, 29L), false);

        assertThat(selection.line())
                .isEqualTo("shard 1/2 kept 12 of 24 classes: C1, C2, C3, C4, C5, C6, C7, C8, C9, C10, and 2 more;"
                        + " expected work of each shard (no duration history, by number of tests): 1/2 30 tests, 2/2"
                        + " 29 tests");
    }

    @Test
    void anEmptyShardSaysSo() {
        var selection = new ShardSelection(new Shard(3, 3), List.of(), 2, List.of(2L, 1L, 0L), false);

        assertThat(selection.line()).startsWith("shard 3/3 kept 0 of 2 classes; expected work");
    }
}
