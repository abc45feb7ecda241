package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** The runs of every {@link PublishedContender} on one {@link PublishedSuite}. */
final class PublishedResult {

    /**
     * One timed run.
     *
     * @param sample its wall time, load and whether it counts
     * @param outcomes the tests it reported and which failed
     * @param cpu where its CPU went
     * @param lowerBoundSeconds junit-xdist's own lower bound of the run ({@code xdist-report.json}), if it wrote one
     */
    record PublishedSample(
            Sample sample,
            TestOutcomes outcomes,
            ProcessCpu.@Nullable Breakdown cpu,
            @Nullable Double lowerBoundSeconds) {}

    private final PublishedSuite suite;
    private final boolean quick;
    private final Map<PublishedContender, List<PublishedSample>> samples = new EnumMap<>(PublishedContender.class);

    PublishedResult(PublishedSuite suite, boolean quick) {
        this.suite = suite;
        this.quick = quick;
    }

    PublishedSuite suite() {
        return suite;
    }

    /** Whether only part of the suite ran ({@code --quick}). */
    boolean quick() {
        return quick;
    }

    void add(PublishedContender contender, PublishedSample sample) {
        samples.computeIfAbsent(contender, c -> new ArrayList<>()).add(sample);
    }

    List<PublishedSample> samples(PublishedContender contender) {
        return samples.getOrDefault(contender, List.of());
    }

    /** The tests that failed in any sequential run: what a contender's failures are compared with. */
    TestOutcomes sequentialFailures() {
        Set<String> failed = new TreeSet<>();
        int tests = 0;
        for (PublishedSample sample : samples(PublishedContender.SEQUENTIAL)) {
            failed.addAll(sample.outcomes().failed());
            tests = Math.max(tests, sample.outcomes().tests());
        }
        return new TestOutcomes(tests, failed);
    }

    /** The tests that failed in some run of the contender and in no sequential run. */
    Set<String> newFailures(PublishedContender contender) {
        TestOutcomes baseline = sequentialFailures();
        Set<String> fresh = new TreeSet<>();
        for (PublishedSample sample : samples(contender)) {
            fresh.addAll(sample.outcomes().newFailures(baseline));
        }
        return fresh;
    }

    OptionalDouble medianWall(PublishedContender contender) {
        return median(contender, s -> s.sample().wallSeconds());
    }

    /** The median of a figure over the contender's counted runs that have it (NaN figures left out). */
    OptionalDouble median(PublishedContender contender, ToDoubleFunction<PublishedSample> figure) {
        return Statistics.median(samples(contender).stream()
                .filter(s -> s.sample().valid())
                .mapToDouble(figure)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .boxed()
                .toList());
    }

    boolean allCounted() {
        return samples.values().stream()
                .flatMap(List::stream)
                .allMatch(s -> s.sample().valid());
    }
}
