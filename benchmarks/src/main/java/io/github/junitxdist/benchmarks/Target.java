package io.github.junitxdist.benchmarks;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One performance target of the issue, with the value the benchmark measured for it and the limit it must not exceed.
 *
 * @param suite the suite it is measured on
 * @param description the target, in words
 * @param measured the measured value, if the benchmark has one
 * @param limit the largest value that meets the target
 * @param unit {@code s} for seconds, {@code x} for a ratio, {@code n} for a count
 */
record Target(String suite, String description, OptionalDouble measured, double limit, String unit) {

    /** {@code PASS}, {@code MISS by ...} (absolute and relative to the limit), or {@code not measured}. */
    String verdict() {
        if (measured.isEmpty()) {
            return "not measured";
        }
        double excess = measured.getAsDouble() - limit;
        if (excess <= 0) {
            return "PASS";
        }
        return String.format(Locale.ROOT, "MISS by %s (%.0f %%)", format(excess), 100 * excess / limit);
    }

    String measuredText() {
        return measured.isPresent() ? format(measured.getAsDouble()) : "-";
    }

    String limitText() {
        return format(limit);
    }

    private String format(double value) {
        if (unit.equals("n")) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return unit.equals("x")
                ? String.format(Locale.ROOT, "%.2f x", value)
                : String.format(Locale.ROOT, "%.2f s", value);
    }
}
