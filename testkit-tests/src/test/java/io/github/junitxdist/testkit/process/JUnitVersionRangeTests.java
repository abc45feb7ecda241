package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JUnit versions users run, beyond the two this build's test modules run everything on (5.14.4 and 6.1.3): real Maven
 * builds of a project that adds the engine next to JUnit Jupiter 5.12 (what Spring Boot 3.5 manages), 5.13 and 6.0 get
 * every test once, on two workers, with its own output; below 5.12 the build fails with one message that names the
 * version found and the one needed. Run by the JUnit 6 module only: the builds do not depend on the module's version.
 */
@ExtendWith(ProcessOutputOnFailure.class)
@EnabledIfSystemProperty(named = "xdist.it.junitVersion", matches = "6\\..*")
class JUnitVersionRangeTests {

    @ParameterizedTest(name = "JUnit Jupiter {0}")
    @ValueSource(strings = {"5.12.2", "5.13.4", "6.0.3"})
    void everyTestRunsOnceOnTwoWorkersWithItsOwnOutput(String version) {
        MavenItProject project = MavenItProject.named("junit-" + version)
                .junitVersion(version)
                .fixtures(SurefireTests.FIXTURES)
                .platformProperty("xdist.workers", "2");

        assertThat(project.test())
                .as("exit code of mvn test on JUnit %s", version)
                .isZero();

        SurefireTests.assertEveryTestReportedOnceWithItsOwnOutput(
                XmlReport.read(project.surefireReports()), ProcessAssertions.WORKER_ID);
    }

    @Test
    void belowTheLowestSupportedVersionTheBuildFailsSayingWhichVersionItFoundAndWhichItNeeds() {
        MavenItProject project =
                MavenItProject.named("junit-5.11.4").junitVersion("5.11.4").fixtures(SurefireTests.FIXTURES);

        assertThat(project.test()).as("exit code of mvn test on JUnit 5.11.4").isNotZero();

        assertThat(project.buildOutput())
                .contains("junit-xdist needs JUnit Platform 1.12 or later (JUnit Jupiter 5.12 or later), but found"
                        + " JUnit Platform 1.11.4 on the class path");
    }
}
