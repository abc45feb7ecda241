package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkerStartsTests {

    @Test
    void startsNoMoreAtOnceThanTheLimitAndTheNextOnceOneIsWarm() {
        var starts = new WorkerStarts(2);
        for (int index = 0; index < 4; index++) {
            starts.add(index);
        }

        assertThat(starts.next(0, index -> true)).containsExactly(0, 1);
        assertThat(starts.next(2, index -> true)).as("both still starting").isEmpty();
        assertThat(starts.next(1, index -> true)).as("one of them warm").containsExactly(2);
        assertThat(starts.next(0, index -> true)).containsExactly(3);
        assertThat(starts.isEmpty()).isTrue();
    }

    @Test
    void aReplacementStartsBeforeTheWorkersStillWaiting() {
        var starts = new WorkerStarts(1);
        starts.add(0);
        starts.add(1);
        assertThat(starts.next(0, index -> true)).containsExactly(0);

        starts.addFirst(0);

        assertThat(starts.next(0, index -> true)).containsExactly(0);
        assertThat(starts.next(0, index -> true)).containsExactly(1);
    }

    @Test
    void dropsWorkersNoLongerWantedWithoutCountingThem() {
        var starts = new WorkerStarts(1);
        starts.add(0);
        starts.add(1);
        starts.add(2);

        assertThat(starts.next(0, index -> index == 2)).containsExactly(2);
        assertThat(starts.isEmpty()).isTrue();
    }

    @Test
    void aLimitBelowOneStillStartsOneAtATime() {
        var starts = new WorkerStarts(0);
        starts.add(0);
        starts.add(1);

        assertThat(starts.next(0, index -> true)).containsExactly(0);
    }
}
