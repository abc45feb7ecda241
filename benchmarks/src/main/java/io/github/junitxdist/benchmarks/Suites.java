package io.github.junitxdist.benchmarks;

import io.github.junitxdist.benchmarks.SyntheticClass.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The synthetic suites of the benchmark, generated deterministically: the same scale gives the same classes.
 *
 * <p>S1 is skewed on purpose: its three long classes have few, long tests while the 37 short ones have many short
 * tests. A scheduler that orders by test count therefore starts the long classes last; duration history fixes that.
 *
 * <p>S1 to S4 are run by every ConsoleLauncher and Maven contender; S5 (many classes) only by plain Jupiter and the
 * warm junit-xdist contenders; E1 only by Eclipse's runner, on one method of S2's classes.
 */
final class Suites {

    private static final List<Contender> PEERS = Arrays.stream(Contender.values())
            .filter(c -> c.launch() != Contender.Launch.ECLIPSE)
            .toList();
    private static final List<Contender> MANY_CLASSES_CONTENDERS =
            List.of(Contender.SEQUENTIAL, Contender.XDIST_AUTO_WARM, Contender.XDIST_WARM);
    private static final List<Contender> IDE_CONTENDERS = List.of(Contender.ECLIPSE_PLAIN, Contender.ECLIPSE_XDIST);

    private static final long[][] LONG_CLASSES = {{5000, 5000}, {2000, 2000, 2000, 2000}, {2000, 2000, 2000}};
    private static final int SHORT_CLASSES = 37;
    private static final long SHORT_TOTAL_MILLIS = 36_000;
    private static final int TRIVIAL_CLASSES = 250;
    private static final int TRIVIAL_TESTS_PER_CLASS = 20;
    private static final int MANY_CLASSES = 2_000;
    private static final int MANY_CLASSES_TESTS_PER_CLASS = 3;
    /** E1's selected test: a method in the middle of S2's classes. */
    private static final Suite.Selection IDE_SELECTION = new Suite.Selection("Trivial125Tests", "test07");

    private static final int CPU_CLASSES = 12;

    private Suites() {}

    /** The suites with the given ids, scaled by {@code scale}; W is {@code workers}, or each suite's default if 0. */
    static List<Suite> create(List<String> ids, double scale, int workers) {
        List<Suite> suites = new ArrayList<>();
        for (String id : ids) {
            suites.add(suite(id, scale, orDefault(workers, id.equals("S1") || id.equals("S4") ? 4 : 2)));
        }
        return suites;
    }

    private static Suite suite(String id, double scale, int w) {
        return switch (id) {
            case "S1" ->
                peers(
                        id,
                        "skewed, I/O-bound (sleeping tests; a few long classes, many short ones)",
                        ioBound(scale, false),
                        w,
                        false);
            case "S2" -> peers(id, "5,000 trivial tests in 250 classes", s2Classes(), w, false);
            case "S3" -> peers(id, "CPU-bound classes", cpuBound(scale), w, true);
            case "S4" -> peers(id, "S1 with a third of its time in @Serial classes", ioBound(scale, true), w, false);
            case "S5" ->
                new Suite(
                        id,
                        "6,000 trivial tests in 2,000 classes",
                        trivial("Many%04dTests", MANY_CLASSES, MANY_CLASSES_TESTS_PER_CLASS),
                        w,
                        false,
                        MANY_CLASSES_CONTENDERS,
                        null);
            case "E1" ->
                new Suite(
                        id,
                        "one test method run from Eclipse, in S2's 250 classes",
                        s2Classes(),
                        w,
                        false,
                        IDE_CONTENDERS,
                        IDE_SELECTION);
            default -> throw new IllegalArgumentException("unknown suite " + id);
        };
    }

    private static Suite peers(String id, String title, List<SyntheticClass> classes, int workers, boolean cpuBound) {
        return new Suite(id, title, classes, workers, cpuBound, PEERS, null);
    }

    private static int orDefault(int workers, int suiteDefault) {
        return workers > 0 ? workers : suiteDefault;
    }

    /** S1 (about 60 s at scale 1), or S4 when {@code withSerial}: the same classes, a third of the work serial. */
    private static List<SyntheticClass> ioBound(double scale, boolean withSerial) {
        List<List<Long>> shorts = shortClassDurations();
        long total = SHORT_TOTAL_MILLIS;
        for (long[] tests : LONG_CLASSES) {
            total += Arrays.stream(tests).sum();
        }
        long serialTarget = withSerial ? total / 3 : 0;
        long serialSoFar = 0;
        List<SyntheticClass> classes = new ArrayList<>();
        for (int i = 0; i < LONG_CLASSES.length; i++) {
            List<Long> tests = Arrays.stream(LONG_CLASSES[i]).boxed().toList();
            boolean serial = withSerial && i == 1;
            serialSoFar += serial ? sum(tests) : 0;
            classes.add(sleeping("Long%02d".formatted(i + 1), tests, serial, scale));
        }
        for (int i = 0; i < shorts.size(); i++) {
            boolean serial = i % 3 == 0 && serialSoFar < serialTarget;
            serialSoFar += serial ? sum(shorts.get(i)) : 0;
            classes.add(sleeping("Short%02d".formatted(i + 1), shorts.get(i), serial, scale));
        }
        return classes;
    }

    /** 37 classes of 3 to 10 tests each, of uneven length, {@value #SHORT_TOTAL_MILLIS} ms in all. */
    private static List<List<Long>> shortClassDurations() {
        List<List<Integer>> weights = new ArrayList<>();
        int weightSum = 0;
        for (int i = 0; i < SHORT_CLASSES; i++) {
            List<Integer> tests = new ArrayList<>();
            for (int j = 0; j < 3 + (i * 5) % 8; j++) {
                tests.add(1 + (i * 7 + j * 3) % 5);
                weightSum += tests.get(j);
            }
            weights.add(tests);
        }
        double millisPerWeight = (double) SHORT_TOTAL_MILLIS / weightSum;
        return weights.stream()
                .map(tests ->
                        tests.stream().map(w -> Math.round(w * millisPerWeight)).toList())
                .toList();
    }

    private static SyntheticClass sleeping(String stem, List<Long> tests, boolean serial, double scale) {
        return new SyntheticClass(stem + (serial ? "SerialTests" : "Tests"), Kind.SLEEP, scaled(tests, scale), serial);
    }

    private static List<SyntheticClass> s2Classes() {
        return trivial("Trivial%03dTests", TRIVIAL_CLASSES, TRIVIAL_TESTS_PER_CLASS);
    }

    /** {@code count} classes of {@code tests} trivial tests, named by {@code nameFormat} from 1 on. */
    private static List<SyntheticClass> trivial(String nameFormat, int count, int tests) {
        List<SyntheticClass> classes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            classes.add(
                    new SyntheticClass(nameFormat.formatted(i), Kind.TRIVIAL, Collections.nCopies(tests, 0L), false));
        }
        return classes;
    }

    /** 12 classes of 4 tests, 0.6 to 1.2 s of CPU time per class at scale 1, about 10.8 s in all. */
    private static List<SyntheticClass> cpuBound(double scale) {
        List<SyntheticClass> classes = new ArrayList<>();
        for (int i = 0; i < CPU_CLASSES; i++) {
            List<Long> tests = Collections.nCopies(4, 150L + 50L * (i % 4));
            classes.add(new SyntheticClass("Cpu%02dTests".formatted(i + 1), Kind.CPU, scaled(tests, scale), false));
        }
        return classes;
    }

    private static List<Long> scaled(List<Long> millis, double scale) {
        return millis.stream().map(m -> Math.max(1, Math.round(m * scale))).toList();
    }

    private static long sum(List<Long> millis) {
        return millis.stream().mapToLong(Long::longValue).sum();
    }
}
