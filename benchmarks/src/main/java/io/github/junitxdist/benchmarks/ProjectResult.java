package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** The samples of every contender on one {@link ProjectSuite}, with the Spring contexts each run built. */
final class ProjectResult {

    /**
     * One timed run.
     *
     * @param sample its wall time, load and whether it counts
     * @param springContexts the Spring application contexts it started, from the {@code Started ... in} lines
     */
    record ProjectSample(Sample sample, int springContexts) {}

    private final ProjectSuite suite;
    private final int testCount;
    private final Map<ProjectContender, List<ProjectSample>> samples = new EnumMap<>(ProjectContender.class);

    ProjectResult(ProjectSuite suite, int testCount) {
        this.suite = suite;
        this.testCount = testCount;
    }

    ProjectSuite suite() {
        return suite;
    }

    /** The tests every run must pass: as many as the untimed plain run passed. */
    int testCount() {
        return testCount;
    }

    void add(ProjectContender contender, ProjectSample sample) {
        samples.computeIfAbsent(contender, c -> new ArrayList<>()).add(sample);
    }

    List<ProjectSample> samples(ProjectContender contender) {
        return samples.getOrDefault(contender, List.of());
    }

    /** The median wall time of the contender's valid runs, if it has any. */
    OptionalDouble medianWall(ProjectContender contender) {
        return Statistics.median(samples(contender).stream()
                .map(ProjectSample::sample)
                .filter(Sample::valid)
                .map(Sample::wallSeconds)
                .sorted()
                .toList());
    }

    boolean allCounted() {
        return samples.values().stream()
                .flatMap(List::stream)
                .allMatch(s -> s.sample().valid());
    }
}
