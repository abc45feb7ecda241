package io.github.junitxdist.examples.backend.runcheck;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.examples.backend.runcheck.SurefireReport.TestCase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the Surefire XML of the two test runs of this module, after them ({@code verify}): the run through junit-xdist
 * ({@code default-test}, reports in {@code target/surefire-reports}) and the run with the engine excluded
 * ({@code plain-jupiter}, {@code target/surefire-reports-plain-jupiter}). Each test printed a {@link RunRecord} into
 * its own output. Failsafe runs this class with junit-xdist excluded and fails the build when a check fails.
 */
class SurefireReportsIT {

    private static final SurefireReport ENGINE_RUN = SurefireReport.read(directory("backend.reports.engine"));
    private static final SurefireReport PLAIN_RUN = SurefireReport.read(directory("backend.reports.plain"));

    @Test
    void everyTestRecordedItselfOnceInItsOwnOutput() {
        for (SurefireReport report : List.of(ENGINE_RUN, PLAIN_RUN)) {
            for (TestCase testCase : report.testCases()) {
                assertThat(testCase.records())
                        .as("run records in the <system-out> of %s in %s", testCase.id(), report.directory())
                        .singleElement()
                        .extracting(RunRecord::testClass)
                        .isEqualTo(testCase.className());
            }
        }
    }

    @Test
    void bothRunsRanTheSameTests() {
        assertThat(ids(ENGINE_RUN))
                .as("tests run through junit-xdist, against those run by plain Jupiter")
                .isEqualTo(ids(PLAIN_RUN));
    }

    @Test
    void everyClassRanOnOneWorkerThroughJunitXdist() {
        Map<String, Set<String>> workersByClass = records(ENGINE_RUN).stream()
                .collect(groupingBy(RunRecord::testClass, mapping(RunRecord::worker, toSet())));

        assertThat(workersByClass)
                .isNotEmpty()
                .allSatisfy((testClass, workers) -> assertThat(workers)
                        .as("workers that ran %s (junit-xdist workers are gw0, gw1, ...)", testClass)
                        .singleElement()
                        .asString()
                        .matches("gw\\d+"));
    }

    @Test
    void plainJupiterRanEveryTestInItsOwnJvm() {
        // With its engine excluded, junit-xdist starts no worker and sets no worker identity.
        assertThat(records(PLAIN_RUN))
                .as("xdist.worker seen by the tests of the run with the engine excluded")
                .extracting(RunRecord::worker)
                .containsOnly("unset");
    }

    @Test
    void theSerialClassesNeverOverlapped() {
        Map<String, List<RunRecord>> serialClasses = records(ENGINE_RUN).stream()
                .filter(record -> isSerial(record.testClass()))
                .collect(groupingBy(RunRecord::testClass));
        assertThat(serialClasses.keySet())
                .as("@Serial classes in the run")
                .containsExactlyInAnyOrder(
                        "io.github.junitxdist.examples.backend.schema.DataResetTests",
                        "io.github.junitxdist.examples.backend.schema.SchemaMigrationTests");

        List<Span> spans = serialClasses.values().stream()
                .map(Span::of)
                .sorted(Comparator.comparing(Span::start))
                .toList();
        for (int i = 1; i < spans.size(); i++) {
            Span before = spans.get(i - 1);
            Span after = spans.get(i);
            assertThat(before.end())
                    .as(
                            "end of %s's last test against the start of %s's first test",
                            before.testClass(), after.testClass())
                    .isBeforeOrEqualTo(after.start());
        }
    }

    /** From the first test's start to the last test's end of one class. */
    private record Span(String testClass, Instant start, Instant end) {

        static Span of(List<RunRecord> records) {
            return new Span(
                    records.get(0).testClass(),
                    records.stream()
                            .map(RunRecord::start)
                            .min(Comparator.naturalOrder())
                            .orElseThrow(),
                    records.stream()
                            .map(RunRecord::end)
                            .max(Comparator.naturalOrder())
                            .orElseThrow());
        }
    }

    private static boolean isSerial(String className) {
        try {
            return AnnotationSupport.isAnnotated(
                    Class.forName(className, false, SurefireReportsIT.class.getClassLoader()), Serial.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("test class " + className + " of the report is not on the class path", e);
        }
    }

    private static List<RunRecord> records(SurefireReport report) {
        return report.testCases().stream()
                .flatMap(testCase -> testCase.records().stream())
                .toList();
    }

    private static Set<String> ids(SurefireReport report) {
        return report.testCases().stream().map(TestCase::id).collect(toSet());
    }

    private static Path directory(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(
                    "system property " + property + " is not set: run this check with `mvn verify`");
        }
        return Path.of(value);
    }
}
