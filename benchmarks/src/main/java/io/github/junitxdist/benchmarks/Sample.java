package io.github.junitxdist.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * One timed run of a contender on a suite.
 *
 * @param wallSeconds the process's wall time
 * @param toFirstTestSeconds from launching the process to the first class starting, if the suite is marked
 * @param serialDelaySeconds from the first class starting to the first serial class starting, if there are any
 * @param problem why the run does not count (failed, or ran fewer tests), or {@code null} if it counts
 * @param loadBefore the machine's one-minute load average just before the run
 */
record Sample(
        double wallSeconds,
        @Nullable Double toFirstTestSeconds,
        @Nullable Double serialDelaySeconds,
        @Nullable String problem,
        double loadBefore) {

    boolean valid() {
        return problem == null;
    }

    /** The sample of a run, with the figures its marks give. */
    static Sample of(TimedProcess.Result result, Marks marks, @Nullable String problem, double loadBefore) {
        Double toFirst = marks.firstStart().isPresent()
                ? (marks.firstStart().getAsLong() - result.launchEpochMillis()) / 1000.0
                : null;
        Double serialDelay = marks.firstStart().isPresent()
                        && marks.firstSerialStart().isPresent()
                ? (marks.firstSerialStart().getAsLong() - marks.firstStart().getAsLong()) / 1000.0
                : null;
        return new Sample(result.wallSeconds(), toFirst, serialDelay, problem, loadBefore);
    }
}
