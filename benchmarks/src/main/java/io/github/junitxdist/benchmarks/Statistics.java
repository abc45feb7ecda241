package io.github.junitxdist.benchmarks;

import java.util.List;
import java.util.OptionalDouble;

/** Medians. */
final class Statistics {

    private Statistics() {}

    /** The median of sorted values (the mean of the middle two for an even count), or empty for no values. */
    static OptionalDouble median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }
}
