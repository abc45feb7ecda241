package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * How many workers a run under {@code xdist.workers=auto} uses, and why. Pure: the caller supplies the units with their
 * costs, whether those costs are durations, the processors and what starting a worker costs.
 *
 * <p>None (the calling JVM runs the tests, as plain Jupiter would) when the selection is one class, as when an IDE runs
 * one test or one class, or when the expected work is shorter than what starting workers costs. Otherwise as many as
 * shortens the run most by the estimate {@code factor × (start + max(work / n, longest unit))}, never more than the
 * processors or the units: a worker that the work cannot keep busy only competes for the processors. The factor is how
 * much longer the latest forked run took than this estimate said (1 until one was measured): it covers what the
 * estimate leaves out, such as relaying every event and several JVMs compiling the same code on the same processors,
 * which on a suite of many tiny tests outweighs any gain. Without durations (no history
 * for any of the units) the work cannot be weighed, so it uses one worker per processor, as many as there are units.
 *
 * <p>Example: 2 processors, starting a worker costs 900 ms, history says the units take 300, 200 and 100 ms: 600 ms
 * of work is less than 900 + 300 ms, so the run stays in the calling JVM. With 30 s, 20 s and 10 s it takes 2 workers:
 * 0.9 + max(60 / 2, 30) = 30.9 s instead of 60 s. Had the latest forked run taken twice its estimate, 3 s of work
 * in 1,000 tiny classes would stay in the calling JVM: 2 workers would take 2 × (0.9 + 1.5) = 4.8 s.
 *
 * @param workers {@code 0} for the calling JVM
 * @param reason one line for the console, starting with {@code junit-xdist:}
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record WorkerCount(int workers, String reason) {

    /** What starting a worker is taken to cost until one was measured on this machine. */
    public static final long DEFAULT_START_MILLIS = 1000;

    /**
     * Decides.
     *
     * @param units the run's units, with their costs ({@link Costs#estimate})
     * @param classes how many top-level classes the units hold
     * @param durations whether the costs are milliseconds from the history, not test counts
     * @param processors the processors available to this JVM
     * @param startMillis what starting a worker took here before, if it was measured
     * @param forkFactor how much longer the latest forked run took than estimated, if it was measured
     */
    public static WorkerCount auto(
            List<WorkUnit> units,
            int classes,
            boolean durations,
            int processors,
            OptionalLong startMillis,
            OptionalDouble forkFactor) {
        int most = Math.max(1, Math.min(processors, units.size()));
        if (classes == 1) {
            return oneClass();
        }
        if (classes < 1) {
            return new WorkerCount(0, "junit-xdist: no class selected, running it in this JVM");
        }
        if (!durations) {
            return new WorkerCount(
                    most, "junit-xdist: %d workers for %d classes (no duration history yet)".formatted(most, classes));
        }
        long work = units.stream().mapToLong(WorkUnit::cost).sum();
        long longest = units.stream().mapToLong(WorkUnit::cost).max().orElse(0);
        long start = startMillis.orElse(DEFAULT_START_MILLIS);
        double factor = forkFactor.orElse(1.0);
        int best = 0;
        long bestMillis = work;
        for (int n = 2; n <= most; n++) {
            long millis = Math.round(factor * estimate(work, longest, n, start));
            if (millis < bestMillis) {
                best = n;
                bestMillis = millis;
            }
        }
        String measured = forkFactor.isPresent()
                ? String.format(Locale.ROOT, ", forked runs here take %.1f x their estimate", factor)
                : "";
        if (best == 0 && work <= Math.round(factor * start)) {
            return new WorkerCount(
                    0,
                    ("junit-xdist: %d classes expected to take %s, less than starting workers would"
                                    + " cost (%s each%s), running them in this JVM")
                            .formatted(classes, seconds(work), seconds(start), measured));
        }
        if (best == 0) {
            return new WorkerCount(
                    0,
                    ("junit-xdist: %d classes expected to take %s here, no less on %s (%s to start a"
                                    + " worker%s), running them in this JVM")
                            .formatted(
                                    classes,
                                    seconds(work),
                                    most == 1 ? "one worker" : most + " workers",
                                    seconds(start),
                                    measured));
        }
        return new WorkerCount(
                best,
                ("junit-xdist: %d workers for %d classes (expected work %s, longest unit %s, %s to"
                                + " start a worker%s)")
                        .formatted(best, classes, seconds(work), seconds(longest), seconds(start), measured));
    }

    /**
     * The estimated wall time of running these units on {@code workers} workers that cost {@code startMillis} each to
     * start: {@code start + max(work / workers, longest unit)}.
     */
    public static long estimate(List<WorkUnit> units, int workers, long startMillis) {
        long work = units.stream().mapToLong(WorkUnit::cost).sum();
        long longest = units.stream().mapToLong(WorkUnit::cost).max().orElse(0);
        return estimate(work, longest, workers, startMillis);
    }

    private static long estimate(long work, long longest, int workers, long startMillis) {
        return startMillis + Math.max(divideUp(work, Math.max(1, workers)), longest);
    }

    /** The decision for one selected class, as when an IDE runs one test or one class: the calling JVM. */
    public static WorkerCount oneClass() {
        return new WorkerCount(0, "junit-xdist: 1 class selected, running it in this JVM");
    }

    private static long divideUp(long dividend, int divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
