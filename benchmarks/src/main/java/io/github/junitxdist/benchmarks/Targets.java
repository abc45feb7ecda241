package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The targets, evaluated on the results. "One JVM start" is the {@link StartupProbe}'s JUnit JVM: a JVM that
 * starts the JUnit Platform and discovers nothing.
 */
final class Targets {

    private static final double SLACK = 1.10;
    private static final double SUREFIRE_RATIO = 0.85;
    private static final double S2_FIXED_SECONDS = 1.5;
    private static final double S2_PER_TEST_SECONDS = 50e-6;
    private static final double FIRST_TEST_STARTS = 1.5;
    private static final double AUTO_RATIO = 1.2;
    private static final double IDE_RATIO = 1.1;

    private Targets() {}

    /** The targets that apply to the suites in {@code results}. */
    static List<Target> evaluate(List<SuiteResult> results, StartupProbe startup, int processors) {
        List<Target> targets = new ArrayList<>();
        double jvm = startup.junitJvmSeconds();
        for (SuiteResult result : results) {
            Suite suite = result.suite();
            double bound = suite.lowerBoundMillis(processors) / 1000.0;
            switch (suite.id()) {
                case "S1" -> {
                    targets.add(new Target(
                            "S1",
                            "junit-xdist warm <= 1.10 x lower bound + one JVM start",
                            result.medianWall(Contender.XDIST_WARM),
                            SLACK * bound + jvm,
                            "s"));
                    targets.add(new Target(
                            "S1",
                            "junit-xdist warm via Surefire / Surefire forkCount=W <= 0.85" + " (both whole `mvn` runs)",
                            ratio(
                                    result.medianWall(Contender.XDIST_SUREFIRE_WARM),
                                    result.medianWall(Contender.SUREFIRE_FORKS)),
                            SUREFIRE_RATIO,
                            "x"));
                    targets.add(new Target(
                            "S1",
                            "junit-xdist warm (ConsoleLauncher) / (Surefire forkCount=W" + " - Maven overhead) <= 0.85",
                            ratio(result.medianWall(Contender.XDIST_WARM), surefireWithoutMaven(result)),
                            SUREFIRE_RATIO,
                            "x"));
                    targets.add(firstTest(result, jvm));
                }
                case "S2" -> {
                    targets.add(new Target(
                            "S2",
                            "junit-xdist warm - Jupiter sequential <= 1.5 s + 50 us x " + suite.testCount() + " tests",
                            difference(
                                    result.medianWall(Contender.XDIST_WARM), result.medianWall(Contender.SEQUENTIAL)),
                            S2_FIXED_SECONDS + S2_PER_TEST_SECONDS * suite.testCount(),
                            "s"));
                    targets.add(autoAgainstSequential(result));
                }
                case "S5" -> targets.add(autoAgainstSequential(result));
                case "E1" ->
                    targets.add(new Target(
                            "E1",
                            "one method from Eclipse's runner: junit-xdist / plain Jupiter <= 1.1 (whole runner JVMs)",
                            ratio(
                                    result.medianWall(Contender.ECLIPSE_XDIST),
                                    result.medianWall(Contender.ECLIPSE_PLAIN)),
                            IDE_RATIO,
                            "x"));
                case "S4" -> {
                    targets.add(new Target(
                            "S4",
                            "serial chain starts at once: first serial class starts <= one JVM"
                                    + " start after the first class",
                            result.medianSerialDelay(Contender.XDIST_WARM),
                            jvm,
                            "s"));
                    targets.add(new Target(
                            "S4",
                            "junit-xdist warm <= 1.10 x max(serial work, lower bound) + one JVM" + " start",
                            result.medianWall(Contender.XDIST_WARM),
                            SLACK * bound + jvm,
                            "s"));
                    targets.add(firstTest(result, jvm));
                }
                default -> {}
            }
        }
        return targets;
    }

    private static Target autoAgainstSequential(SuiteResult result) {
        return new Target(
                result.suite().id(),
                "junit-xdist default (auto), warm / Jupiter sequential <= 1.2",
                ratio(result.medianWall(Contender.XDIST_AUTO_WARM), result.medianWall(Contender.SEQUENTIAL)),
                AUTO_RATIO,
                "x");
    }

    /**
     * Time from {@code execute} to the first test, approximated from outside as junit-xdist's time from launch to the
     * first test minus plain Jupiter's: both pay for the launcher JVM and discovery, only junit-xdist for the rest.
     */
    private static Target firstTest(SuiteResult result, double jvm) {
        return new Target(
                result.suite().id(),
                "execute to first test (junit-xdist warm minus Jupiter sequential,"
                        + " launch to first test) <= 1.5 x one JVM start",
                difference(
                        result.medianToFirstTest(Contender.XDIST_WARM), result.medianToFirstTest(Contender.SEQUENTIAL)),
                FIRST_TEST_STARTS * jvm,
                "s");
    }

    /** Surefire's median minus the median of Maven running no test. */
    static OptionalDouble surefireWithoutMaven(SuiteResult result) {
        return difference(result.medianWall(Contender.SUREFIRE_FORKS), result.medianWall(Contender.MAVEN_OVERHEAD));
    }

    static OptionalDouble ratio(OptionalDouble numerator, OptionalDouble denominator) {
        return numerator.isPresent() && denominator.isPresent() && denominator.getAsDouble() > 0
                ? OptionalDouble.of(numerator.getAsDouble() / denominator.getAsDouble())
                : OptionalDouble.empty();
    }

    private static OptionalDouble difference(OptionalDouble minuend, OptionalDouble subtrahend) {
        return minuend.isPresent() && subtrahend.isPresent()
                ? OptionalDouble.of(minuend.getAsDouble() - subtrahend.getAsDouble())
                : OptionalDouble.empty();
    }
}
