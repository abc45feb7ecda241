package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The samples of every contender on one suite, and whether junit-xdist wrote a duration history (without one, "warm"
 * runs are cold runs too).
 */
final class SuiteResult {

    private final Suite suite;
    private final Map<Contender, List<Sample>> samples = new EnumMap<>(Contender.class);
    private boolean historyWritten;

    SuiteResult(Suite suite) {
        this.suite = suite;
    }

    Suite suite() {
        return suite;
    }

    void add(Contender contender, Sample sample) {
        samples.computeIfAbsent(contender, c -> new ArrayList<>()).add(sample);
    }

    void historyWritten(boolean written) {
        historyWritten = written;
    }

    boolean historyWritten() {
        return historyWritten;
    }

    List<Sample> samples(Contender contender) {
        return samples.getOrDefault(contender, List.of());
    }

    /** The median wall time of the contender's valid runs, if it has any. */
    OptionalDouble medianWall(Contender contender) {
        return median(contender, Sample::wallSeconds);
    }

    /** The median time from launch to the first class starting, if the suite is marked. */
    OptionalDouble medianToFirstTest(Contender contender) {
        return median(contender, Sample::toFirstTestSeconds);
    }

    /** The median delay of the first serial class behind the first class, if the suite has serial classes. */
    OptionalDouble medianSerialDelay(Contender contender) {
        return median(contender, Sample::serialDelaySeconds);
    }

    private OptionalDouble median(Contender contender, Function<Sample, @Nullable Double> figure) {
        List<Double> values = samples(contender).stream()
                .filter(Sample::valid)
                .map(figure)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
        return Statistics.median(values);
    }
}
