package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on {@link ExecutionRecord}s shared by the process tests. */
final class ProcessAssertions {

    /** What {@code xdist.worker} holds in a forked worker JVM. */
    static final String WORKER_ID = "gw\\d+";

    private ProcessAssertions() {}

    /** Every expected test ran exactly once (and nothing else ran), each in a worker JVM other than the parent. */
    static void assertRanOnceEachInWorkers(List<ExecutionRecord> records, List<String> expected, long parentPid) {
        assertRanOnceEach(records, expected);
        assertThat(records).allSatisfy(record -> {
            assertThat(record.worker())
                    .as("xdist.worker seen by %s", record.test())
                    .matches(WORKER_ID);
            assertThat(record.pid())
                    .as("pid of the JVM that ran %s", record.test())
                    .isNotEqualTo(parentPid);
        });
    }

    /** Every expected test ran exactly once, and nothing else ran. */
    static void assertRanOnceEach(List<ExecutionRecord> records, List<String> expected) {
        assertThat(records.stream().map(ExecutionRecord::test).toList())
                .as("tests that really ran, one entry per execution")
                .containsExactlyInAnyOrderElementsOf(expected);
    }
}
