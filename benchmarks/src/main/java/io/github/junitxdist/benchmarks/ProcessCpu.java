package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where one run's CPU time went, process by process: sampled from {@code /proc} every {@value #PERIOD_MILLIS} ms on a
 * thread of its own while the run lasts, for the run's process and all its descendants (the ConsoleLauncher and its
 * workers, or Maven, its Surefire fork and the fork's workers). The whole run's CPU time is exact: it is what this JVM
 * gained in reaped children's time ({@code cutime + cstime} of {@code /proc/self/stat}), which counts every process of
 * the tree once its parent has waited for it. The per-process figures are sampled, so each misses at most its last
 * period. Linux only; elsewhere every figure is NaN.
 *
 * <p>Not thread-safe: one run at a time, started and stopped by the thread that runs it.
 */
final class ProcessCpu {

    /**
     * One process of the tree, as last sampled.
     *
     * @param role {@code launcher} (the run's own process), {@code worker} (a junit-xdist worker), {@code fork} (a
     *     Surefire fork) or {@code other}
     * @param cpuSeconds user plus system time
     * @param jitSeconds of that, the time of its JIT compiler threads
     */
    record ProcessFigures(String role, double cpuSeconds, double jitSeconds) {}

    /**
     * A run's CPU.
     *
     * @param totalSeconds the whole tree's CPU time, exact
     * @param processes every process seen, in the order first seen
     */
    record Breakdown(double totalSeconds, List<ProcessFigures> processes) {

        /** The CPU seconds of the processes with this role. */
        double seconds(String role) {
            return processes.stream()
                    .filter(p -> p.role().equals(role))
                    .mapToDouble(ProcessFigures::cpuSeconds)
                    .sum();
        }

        /** The JIT seconds of every process. */
        double jitSeconds() {
            return processes.stream().mapToDouble(ProcessFigures::jitSeconds).sum();
        }

        long count(String role) {
            return processes.stream().filter(p -> p.role().equals(role)).count();
        }
    }

    private static final long PERIOD_MILLIS = 100;
    private static final double HZ = 100.0; // USER_HZ on Linux
    private static final Path SELF = Path.of("/proc/self/stat");

    private final Map<Long, ProcessFigures> seen = new LinkedHashMap<>();
    private final Map<Long, String> roles = new LinkedHashMap<>();
    private final double childrenBefore;
    private volatile boolean running = true;
    private final Thread sampler;

    private ProcessCpu(long root) {
        childrenBefore = reapedChildrenSeconds();
        roles.put(root, "launcher");
        sampler = new Thread(() -> sampleUntilStopped(root), "process-cpu");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts sampling the tree under {@code root}. */
    static ProcessCpu start(long root) {
        return new ProcessCpu(root);
    }

    /** Stops sampling, after the run's process has been waited for. */
    Breakdown stop() throws InterruptedException {
        running = false;
        sampler.join();
        synchronized (seen) {
            return new Breakdown(reapedChildrenSeconds() - childrenBefore, List.copyOf(seen.values()));
        }
    }

    private void sampleUntilStopped(long root) {
        while (running) {
            sample(root);
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        double[] cpu = cpuOf(proc.resolve("stat"));
        if (cpu.length == 0) {
            return;
        }
        String role = roles.computeIfAbsent(pid, p -> role(proc));
        double jit = jit(proc);
        synchronized (seen) {
            // a JVM ends its compiler threads before it exits: a late sample must not lose what earlier ones saw
            ProcessFigures before = seen.get(pid);
            seen.put(
                    pid,
                    before == null
                            ? new ProcessFigures(role, cpu[0], jit)
                            : new ProcessFigures(
                                    role, Math.max(before.cpuSeconds(), cpu[0]), Math.max(before.jitSeconds(), jit)));
        }
        for (long child : children(proc)) {
            sample(child);
        }
    }

    private static String role(Path proc) {
        try {
            String command = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
            if (command.contains("io.github.junitxdist.worker.")) {
                return "worker";
            }
            if (command.contains("surefirebooter") || command.contains("surefire.booter")) {
                return "fork";
            }
        } catch (IOException | RuntimeException e) {
            // gone already: counted as other
        }
        return "other";
    }

    private static double jit(Path proc) {
        double seconds = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        double[] cpu = cpuOf(task.resolve("stat"));
                        seconds += cpu.length == 0 ? 0 : cpu[0];
                    }
                } catch (IOException e) {
                    // the thread ended between listing and reading
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return seconds;
    }

    private static List<Long> children(Path proc) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    for (String child :
                            Files.readString(task.resolve("children")).trim().split("\\s+", -1)) {
                        if (!child.isEmpty()) {
                            children.add(Long.parseLong(child));
                        }
                    }
                } catch (IOException e) {
                    // the thread ended
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return children;
    }

    /** {utime + stime} of a stat file in seconds, or an empty array if it cannot be read. */
    private static double[] cpuOf(Path stat) {
        String[] fields = statFields(stat);
        return fields.length < 15
                ? new double[0]
                : new double[] {(Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / HZ};
    }

    private static double reapedChildrenSeconds() {
        String[] fields = statFields(SELF);
        return fields.length < 15 ? Double.NaN : (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / HZ;
    }

    /** The fields of a stat file after the command name (field 3 of the man page is index 0). */
    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).trim().split("\\s+", -1);
        } catch (IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
