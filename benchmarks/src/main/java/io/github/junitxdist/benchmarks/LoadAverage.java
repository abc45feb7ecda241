package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine's one-minute load average, recorded before each timed run: other work on the machine inflates wall
 * times, and the report shows how much there was.
 */
final class LoadAverage {

    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private LoadAverage() {}

    /** The current one-minute load average, or NaN where {@code /proc/loadavg} cannot be read. */
    static double now() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+", -1)[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
