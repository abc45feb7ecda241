package io.github.junitxdist.benchmarks;

import java.util.List;

/**
 * The Java sources of a generated suite: one file per {@link SyntheticClass} and a {@code BenchSupport} class that
 * does the work (sleep, burn CPU) and records when a class starts.
 *
 * <p>A serial class carries both {@code @Serial} (for junit-xdist) and {@code @ResourceLock("bench.serial")}, so that
 * Jupiter's parallel mode serializes it too; Surefire forks have no such means.
 */
final class SourceWriter {

    /** The environment variable naming the file that the classes append their start marks to. */
    static final String MARKS_VARIABLE = "BENCH_MARKS";

    private static final String SUPPORT = """
            package @PACKAGE@;

            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.lang.management.ManagementFactory;
            import java.lang.management.ThreadMXBean;
            import java.nio.charset.StandardCharsets;
            import java.nio.file.Files;
            import java.nio.file.Path;
            import java.nio.file.StandardOpenOption;

            /** Does the work of the generated tests and records when a class starts. */
            final class BenchSupport {

                private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

                /** Keeps the computation from being optimised away. */
                static volatile long sink;

                private BenchSupport() {}

                /** Appends "epochMillis className serial" to the file named by @VARIABLE@, if set. */
                static void mark(String className, boolean serial) {
                    String file = System.getenv("@VARIABLE@");
                    if (file == null) {
                        return;
                    }
                    String line = System.currentTimeMillis() + " " + className + " " + serial + "\\n";
                    try {
                        Files.write(Path.of(file), line.getBytes(StandardCharsets.UTF_8),
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                static void sleep(long millis) throws InterruptedException {
                    Thread.sleep(millis);
                }

                /** Computes until this thread has used {@code millis} of CPU time. */
                static void burnCpu(long millis) {
                    long until = THREADS.getCurrentThreadCpuTime() + millis * 1_000_000L;
                    long x = System.nanoTime();
                    while (THREADS.getCurrentThreadCpuTime() < until) {
                        for (int i = 0; i < 10_000; i++) {
                            x ^= x << 13;
                            x ^= x >>> 7;
                            x ^= x << 17;
                        }
                    }
                    sink = x;
                }
            }
            """;

    private SourceWriter() {}

    /** The {@code BenchSupport} class of the given package. */
    static String support(String packageName) {
        return SUPPORT.replace("@PACKAGE@", packageName).replace("@VARIABLE@", MARKS_VARIABLE);
    }

    /** The source of one generated class; {@code marked} adds a {@code @BeforeAll} that records the class start. */
    static String testClass(String packageName, SyntheticClass spec, boolean marked) {
        StringBuilder source = new StringBuilder("package ").append(packageName).append(";\n\n");
        if (spec.kind() == SyntheticClass.Kind.TRIVIAL) {
            source.append("import org.junit.jupiter.api.Assertions;\n");
        }
        if (marked) {
            source.append("import org.junit.jupiter.api.BeforeAll;\n");
        }
        source.append("import org.junit.jupiter.api.Test;\n\n");
        if (spec.serial()) {
            source.append("@io.github.junitxdist.api.Serial\n")
                    .append("@org.junit.jupiter.api.parallel.ResourceLock(\"bench.serial\")\n");
        }
        source.append("class ").append(spec.simpleName()).append(" {\n");
        if (marked) {
            source.append("\n    @BeforeAll\n    static void mark() {\n        BenchSupport.mark(\"")
                    .append(spec.simpleName())
                    .append("\", ")
                    .append(spec.serial())
                    .append(");\n    }\n");
        }
        List<Long> tests = spec.testMillis();
        for (int i = 0; i < tests.size(); i++) {
            source.append("\n    @Test\n    void test")
                    .append(String.format("%02d", i + 1))
                    .append(spec.kind() == SyntheticClass.Kind.SLEEP ? "() throws InterruptedException {\n" : "() {\n")
                    .append("        ")
                    .append(body(spec.kind(), i, tests.get(i)))
                    .append("\n    }\n");
        }
        return source.append("}\n").toString();
    }

    private static String body(SyntheticClass.Kind kind, int index, long millis) {
        return switch (kind) {
            case SLEEP -> "BenchSupport.sleep(" + millis + ");";
            case CPU -> "BenchSupport.burnCpu(" + millis + ");";
            case TRIVIAL -> "Assertions.assertEquals(" + index + ", " + index + ");";
        };
    }
}
