package io.github.junitxdist.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Whole runs measured before overrule the estimates that say workers pay off. */
class RunWallsTests {

    @Test
    void aSuiteMeasuredFasterInTheCallingJvmStaysThere() {
        var walls = new RunWalls(OptionalLong.of(16_000), 13, OptionalLong.of(31_000), 13, 970);

        assertThat(walls.callingJvmInstead(13))
                .hasValue("junit-xdist: 13 classes took 16.0 s in this JVM and 31.0 s on workers when last measured,"
                        + " running them in this JVM");
    }

    @Test
    void aSuiteMeasuredFasterOnWorkersKeepsThem() {
        var walls = new RunWalls(OptionalLong.of(60_000), 40, OptionalLong.of(18_000), 40, 980);

        assertThat(walls.callingJvmInstead(40)).isEmpty();
    }

    @Test
    void aForkedRunThatKeptTheProcessorsBusyIsComparedWithOneRunInTheCallingJvm() {
        var busy = new RunWalls(OptionalLong.empty(), 0, OptionalLong.of(31_000), 13, 970);
        var idle = new RunWalls(OptionalLong.empty(), 0, OptionalLong.of(18_000), 40, 400);

        assertThat(busy.callingJvmInstead(13))
                .hasValueSatisfying(reason -> assertThat(reason).contains("processors 97 % busy"));
        assertThat(idle.callingJvmInstead(40)).isEmpty();
    }

    @Test
    void runsOfAnotherSizeSayNothingAboutThisOne() {
        var walls = new RunWalls(OptionalLong.of(16_000), 13, OptionalLong.of(31_000), 13, 970);

        assertThat(walls.callingJvmInstead(40)).as("a run of 40 classes").isEmpty();
        assertThat(walls.callingJvmInstead(14)).as("within a tenth").isPresent();
        assertThat(RunWalls.NONE.callingJvmInstead(13)).isEmpty();
    }
}
