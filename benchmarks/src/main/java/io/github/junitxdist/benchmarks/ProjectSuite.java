package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * A real project of this repository, run as a whole by Maven, where a {@link Suite} is generated: its classes, test
 * count and durations are whatever the project has, so the benchmark knows no lower bound for it and checks a run
 * against the test count of an untimed plain run instead.
 *
 * @param id {@code SB}
 * @param title what the project is
 * @param module the project's directory, relative to the repository root
 * @param workers W of the fixed-worker contender
 */
record ProjectSuite(String id, String title, String module, int workers) {

    /** The ids of the project suites, which {@code --suites} accepts besides the synthetic ones. */
    static final List<String> IDS = List.of("SB");

    /** The project suites with the given ids; W is {@code workers}, or each suite's default if 0. */
    static List<ProjectSuite> create(List<String> ids, int workers) {
        List<ProjectSuite> suites = new ArrayList<>();
        for (String id : ids) {
            suites.add(
                    switch (id) {
                        case "SB" ->
                            new ProjectSuite(
                                    id,
                                    "Spring Boot backend on embedded PostgreSQL (`examples/backend`)",
                                    "examples/backend",
                                    workers > 0 ? workers : 2);
                        default -> throw new IllegalArgumentException("unknown project suite " + id);
                    });
        }
        return suites;
    }
}
