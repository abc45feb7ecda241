package io.github.junitxdist.benchmarks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A synthetic suite: its classes, the number of workers W it is run with, the contenders that run it, and the work it
 * contains, from which the lower bound of any W-way run follows.
 *
 * @param id {@code S1} ... {@code S5}, or {@code E1}
 * @param title what the suite stands for
 * @param classes the generated test classes
 * @param workers W: workers of junit-xdist, forks of Surefire, threads of Jupiter's parallel mode
 * @param cpuBound whether the work needs a processor (so that W is capped at the processor count in the bound)
 * @param contenders the contenders that run the suite, in the order they take turns
 * @param selected the one test the contenders run, or {@code null} if they run the whole suite
 */
record Suite(
        String id,
        String title,
        List<SyntheticClass> classes,
        int workers,
        boolean cpuBound,
        List<Contender> contenders,
        @Nullable Selection selected) {

    /**
     * One test method, as a developer selects it in the IDE.
     *
     * @param simpleClassName its class, one of the suite's
     * @param method the method's name
     */
    record Selection(String simpleClassName, String method) {}

    Suite {
        classes = List.copyOf(classes);
        contenders = List.copyOf(contenders);
    }

    /** How many tests a run must pass: the selected one, or all of them. */
    int expectedTests() {
        return selected == null ? testCount() : 1;
    }

    /** The Java package of the generated classes, e.g. {@code bench.s1}. */
    String packageName() {
        return "bench." + id.toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a contender needs the project's test classpath as Maven resolves it (Eclipse's runner does). */
    boolean needsClasspath() {
        return contenders.stream().anyMatch(c -> c.launch() == Contender.Launch.ECLIPSE);
    }

    /** Whether the suite's classes record when they start, for the time-to-first-test and serial-chain figures. */
    boolean marked() {
        return classes.stream().anyMatch(c -> c.kind() == SyntheticClass.Kind.SLEEP);
    }

    int testCount() {
        return classes.stream().mapToInt(SyntheticClass::testCount).sum();
    }

    long totalWorkMillis() {
        return classes.stream().mapToLong(SyntheticClass::workMillis).sum();
    }

    /** The longest unit: junit-xdist and Surefire both run a class (with its nested classes) in one JVM. */
    long longestUnitMillis() {
        return classes.stream().mapToLong(SyntheticClass::workMillis).max().orElse(0);
    }

    long serialWorkMillis() {
        return classes.stream()
                .filter(SyntheticClass::serial)
                .mapToLong(SyntheticClass::workMillis)
                .sum();
    }

    /** W as far as the work can use it: for CPU-bound work, no more than the processors. */
    int effectiveWorkers(int processors) {
        return cpuBound ? Math.min(workers, processors) : workers;
    }

    /**
     * The lower bound of a W-way run's test time: {@code max(total work / W, longest unit, serial work)}. Start-up and
     * discovery are not in it.
     */
    double lowerBoundMillis(int processors) {
        double share = (double) totalWorkMillis() / effectiveWorkers(processors);
        return Math.max(share, (double) Math.max(longestUnitMillis(), serialWorkMillis()));
    }
}
