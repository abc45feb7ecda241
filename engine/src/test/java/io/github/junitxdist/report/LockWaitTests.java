package io.github.junitxdist.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.report.RunReport.UnitRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker with work left that gets none waits for a unit held back by a resource lock: from then on, the next unit
 * with locks to start, on whichever worker, waited for it. The wait shows in the JSON ({@code lockWaitMillis}), the
 * HTML timeline and the summary.
 */
class LockWaitTests {

    private static final String A = "[engine:xdist]/[class:a.A]";
    private static final String B = "[engine:xdist]/[class:a.B]";
    private static final String C = "[engine:xdist]/[class:a.C]";

    @Test
    void theWaitShowsOnTheNextLockedUnitToStartFromTheFirstTimeAWorkerWaited() {
        RunRecord record = begun();
        record.unitStarted(0, "gw0", ms(0));
        record.waiting("gw1", ms(100));
        record.waiting("gw1", ms(300)); // asked again after another unit ended, still blocked
        record.unitEnded(0, ms(1000), false);
        record.unitStarted(1, "gw1", ms(1000));
        record.unitEnded(1, ms(1500), false);
        record.ended(ms(1500));

        RunReport report = record.report(2, "xdist.workers=2");

        assertThat(report.runs())
                .extracting(UnitRun::name, UnitRun::lockWaitMillis)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("A", 0L), org.assertj.core.groups.Tuple.tuple("B", 900L));
        assertThat(report.lockWaitMillis()).isEqualTo(900);
        assertThat(Json.of(report))
                .contains("\"lockWaitMillis\": 900, \"reason\"")
                .contains("\"skipped\": 0, \"lockWaitMillis\": 900, \"outcome\"");
        assertThat(Html.of(report))
                .contains("<div class=\"wait\" style=\"left:6.667%;width:60.000%\" title=\"waited 0.90 s for a lock\">")
                .contains("data-lock-wait=\"0.90 s\"");
        assertThat(Summary.lines(report, null)).anyMatch(line -> line.endsWith(", lock waits 0.90 s"));
    }

    @Test
    void aWorkerStillWaitingWaitsForTheNextLockedUnitFromTheStartOfThePreviousOne() {
        RunRecord record = begun(C);
        record.unitStarted(0, "gw0", ms(0));
        record.waiting("gw1", ms(1000)); // B and C write the key A writes
        record.unitEnded(0, ms(3000), false);
        record.unitStarted(1, "gw0", ms(3000));
        record.waiting("gw1", ms(3000)); // asked again: C is held back by B
        record.unitEnded(1, ms(4000), false);
        record.unitStarted(2, "gw0", ms(4000));
        record.notWaiting("gw1"); // nothing left for it
        record.unitEnded(2, ms(5000), false);

        assertThat(record.report(2, "xdist.workers=2").runs())
                .extracting(UnitRun::lockWaitMillis)
                .containsExactly(0L, 2000L, 1000L);
    }

    @Test
    void aUnitWithoutLocksThatStartsMeanwhileDidNotWait() {
        RunRecord record = new RunRecord();
        record.begin(
                0,
                List.of(
                        RunRecord.Unit.of(0, A, false, true),
                        RunRecord.Unit.of(1, B, false, true),
                        RunRecord.Unit.of(2, C, false, false)),
                Map.of());
        record.unitStarted(0, "gw0", ms(0));
        record.waiting("gw1", ms(100));
        record.unitStarted(2, "gw2", ms(200)); // a free unit on a third worker
        record.unitEnded(0, ms(1000), false);
        record.unitStarted(1, "gw1", ms(1000));

        assertThat(record.report(3, "xdist.workers=3").runs())
                .extracting(UnitRun::lockWaitMillis)
                .containsExactly(0L, 0L, 900L);
    }

    @Test
    void aWaitThatEndsWithoutAUnitIsNotShown() {
        RunRecord record = begun();
        record.unitStarted(0, "gw0", ms(0));
        record.waiting("gw1", ms(100));
        record.notWaiting("gw1"); // given back: the blocked unit went to gw0
        record.unitEnded(0, ms(1000), false);
        record.unitStarted(1, "gw0", ms(1000));
        record.unitEnded(1, ms(1500), false);

        RunReport report = record.report(2, "xdist.workers=2");

        assertThat(report.lockWaitMillis()).isZero();
        assertThat(Html.of(report)).doesNotContain("class=\"wait\"");
        assertThat(Summary.lines(report, null)).noneMatch(line -> line.contains("lock waits"));
    }

    /** A run of units that all write one resource key: A, B and any given. */
    private static RunRecord begun(String... more) {
        List<RunRecord.Unit> units = new java.util.ArrayList<>(
                List.of(RunRecord.Unit.of(0, A, false, true), RunRecord.Unit.of(1, B, false, true)));
        for (String unit : more) {
            units.add(RunRecord.Unit.of(units.size(), unit, false, true));
        }
        RunRecord record = new RunRecord();
        record.begin(0, units, Map.of());
        return record;
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
