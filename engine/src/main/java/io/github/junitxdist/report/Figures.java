package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.UnitRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The figures of a forked run. No schedule can end before its lower bound: the work spread evenly over the workers,
 * the longest unit (a unit runs on one worker), and the serial work (serial units run one after another) each bound
 * the wall time from below. Efficiency is how close the run came to it, 1 at best.
 *
 * <p>Example: 3 units of 4 s, 2 s and 2 s on 2 workers, one of the 2 s units serial, in 5 s of wall time: the work is
 * 8 s, the lower bound max(8 / 2, 4, 2) = 4 s, the efficiency 4 / 5 = 0.8.
 *
 * @param wallMillis from the start of the run to the end of its last unit
 * @param workMillis the units' durations, all together
 * @param workers how many workers the run used
 * @param longestMillis the longest unit, its runs together
 * @param serialMillis the serial units' durations, all together
 * @param lowerBoundMillis {@code max(work / workers, longest, serial)}
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record Figures(
        long wallMillis, long workMillis, int workers, long longestMillis, long serialMillis, long lowerBoundMillis) {

    /** Computes the figures of the given runs. */
    public static Figures of(List<UnitRun> runs, int workers, long wallMillis) {
        long work = runs.stream().mapToLong(UnitRun::durationMillis).sum();
        long longest = unitMillis(runs).values().stream()
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        long serial = runs.stream()
                .filter(UnitRun::serial)
                .mapToLong(UnitRun::durationMillis)
                .sum();
        long spread = workers <= 0 ? work : (work + workers - 1) / workers;
        return new Figures(wallMillis, work, workers, longest, serial, Math.max(spread, Math.max(longest, serial)));
    }

    /** Lower bound per wall time: 1 when the run could not have been shorter; 0 for an empty run. */
    public double efficiency() {
        return wallMillis <= 0 ? 0 : Math.min(1.0, (double) lowerBoundMillis / wallMillis);
    }

    /** Each unit's runs together, by unique id, in the order the units first ran. */
    static Map<String, Long> unitMillis(List<UnitRun> runs) {
        Map<String, Long> byUnit = new LinkedHashMap<>();
        runs.forEach(run -> byUnit.merge(run.uniqueId(), run.durationMillis(), Long::sum));
        return byUnit;
    }
}
