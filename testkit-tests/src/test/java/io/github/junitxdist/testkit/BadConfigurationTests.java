package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.identity.Identity1Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** An invalid configuration value fails the run with one message naming the key, the value and what is allowed. */
class BadConfigurationTests {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "xdist.workers | -1    | configuration parameter xdist.workers | a positive integer, 'auto'",
                "xdist.workers | lots  | configuration parameter xdist.workers | a positive integer, 'auto'",
                "xdist.workers | 2.5   | configuration parameter xdist.workers | a positive integer, 'auto'",
                "xdist.jvmArgs | '-Da=\"b' | configuration parameter xdist.jvmArgs | unclosed",
                "xdist.dist    | loadfile | configuration parameter xdist.dist | one of loadscope, load, loadgroup, worksteal, no",
                "xdist.split   | maybe | configuration parameter xdist.split | true or false",
                "xdist.shard   | 4/3   | configuration parameter xdist.shard | i/n, the shard i of n to run",
                "xdist.shard   | 0/2   | configuration parameter xdist.shard | i from 1 to n (such as 2/4)",
                "xdist.shard   | 2     | configuration parameter xdist.shard | i/n, the shard i of n to run",
                "xdist.isolate | foo   | configuration parameter xdist.isolate | off (the default) or failures",
                "xdist.isolate.maxRuns | 0   | configuration parameter xdist.isolate.maxRuns | a positive integer",
                "xdist.isolate.maxRuns | -1  | configuration parameter xdist.isolate.maxRuns | a positive integer",
                "xdist.isolate.maxRuns | abc | configuration parameter xdist.isolate.maxRuns | a positive integer",
            })
    void failsTheRunWithoutRunningAnyTest(String key, String value, String names, String allowed) {
        EngineExecutionResults results = EngineTestKit.engine("xdist")
                .selectors(selectClass(Identity1Fixture.class))
                .configurationParameter(key, value)
                .execute();

        results.testEvents().assertStatistics(stats -> stats.started(0));
        Event engineFinished = results.containerEvents().finished().list().get(0);
        TestExecutionResult result = engineFinished.getRequiredPayload(TestExecutionResult.class);
        assertThat(result.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(result.getThrowable().orElseThrow().getMessage())
                .contains(names)
                .contains("'" + value + "'")
                .contains(allowed);
    }
}
