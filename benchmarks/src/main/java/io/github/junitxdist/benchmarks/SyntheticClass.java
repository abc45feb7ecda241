package io.github.junitxdist.benchmarks;

import java.util.List;

/**
 * One generated test class: its name, what its tests do and for how long.
 *
 * @param simpleName the class name, ending in {@code Tests} so that every runner's default includes find it
 * @param kind what each test does
 * @param testMillis per test, how long it sleeps or burns CPU; ignored for {@link Kind#TRIVIAL}
 * @param serial whether the class is annotated {@code @Serial}
 */
record SyntheticClass(String simpleName, Kind kind, List<Long> testMillis, boolean serial) {

    /** What the tests of a class do. */
    enum Kind {
        /** {@code Thread.sleep}: I/O-bound work that leaves the CPU free. */
        SLEEP,
        /** Computation until the thread has used the given CPU time. */
        CPU,
        /** One assertion and nothing else: measures per-test overhead. */
        TRIVIAL
    }

    SyntheticClass {
        testMillis = List.copyOf(testMillis);
    }

    /** The nominal work of the class: the sum of its tests' durations. */
    long workMillis() {
        return kind == Kind.TRIVIAL
                ? 0
                : testMillis.stream().mapToLong(Long::longValue).sum();
    }

    int testCount() {
        return testMillis.size();
    }
}
