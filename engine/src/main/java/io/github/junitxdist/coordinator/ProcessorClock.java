package io.github.junitxdist.coordinator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How busy the machine's processors were between two points in time, from the kernel's counters in {@code /proc/stat}
 * (Linux); unknown elsewhere. Busy is everything but idle and waiting for I/O, over all processors. Confined to the
 * thread that starts and reads it.
 */
final class ProcessorClock {

    private static final Path STAT = Path.of("/proc/stat");

    private final long[] start;

    private ProcessorClock(long[] start) {
        this.start = start;
    }

    static ProcessorClock start() {
        return new ProcessorClock(read());
    }

    /** Thousandths of all processors' time that was busy since {@link #start}; negative when unknown. */
    long busyThousandths() {
        long[] end = read();
        if (start.length == 0 || end.length == 0) {
            return -1;
        }
        long total = end[0] - start[0];
        long idle = end[1] - start[1];
        return total <= 0 ? -1 : Math.round(1000.0 * (total - idle) / total);
    }

    /** {total, idle + iowait} jiffies, or empty when not readable. */
    private static long[] read() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            String[] fields = lines.get(0).trim().split("\\s+", -1);
            if (!fields[0].equals("cpu") || fields.length < 6) {
                return new long[0];
            }
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // user .. steal; guest is counted in user
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, Long.parseLong(fields[4]) + Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException e) {
            return new long[0];
        }
    }
}
