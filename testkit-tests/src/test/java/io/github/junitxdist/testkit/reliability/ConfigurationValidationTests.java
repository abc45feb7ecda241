package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.api.InvalidConfigurationException;
import io.github.junitxdist.testkit.fixtures.reliability.OnePassingTestFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Every configuration key rejects a bad value before any test starts, failing the run with one message that names
 * the key, the value and what is expected; a misspelt {@code xdist.*} key does not fail the run but is reported as a
 * warning that suggests the nearest key; correctly spelt keys with legal values pass without a warning.
 */
class ConfigurationValidationTests {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "xdist.workers,          -1",
        "xdist.workers,          lots",
        "xdist.maxWorkerRestart, -1",
        "xdist.maxWorkerRestart, many",
        "xdist.timeout,          0",
        "xdist.timeout,          -3",
        "xdist.timeout,          soon",
        "xdist.maxfail,          0",
        "xdist.maxfail,          -1",
        "xdist.maxfail,          x",
    })
    void failsTheRunBeforeAnyTestStarts(String key, String value) {
        EngineExecutionResults results = run(Map.of(key, value));

        results.testEvents().assertStatistics(stats -> stats.started(0));
        TestExecutionResult engine =
                results.containerEvents().finished().list().get(0).getRequiredPayload(TestExecutionResult.class);
        assertThat(engine.getStatus()).as("status of the engine root").isEqualTo(Status.FAILED);
        assertThat(engine.getThrowable()).get().isInstanceOf(InvalidConfigurationException.class);
        assertThat(engine.getThrowable().orElseThrow().getMessage())
                .contains(key)
                .contains("'" + value + "'")
                .contains("expected");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "xdist.worker,             xdist.workers",
        "xdist.maxWorkerRestarts,  xdist.maxWorkerRestart",
        "xdist.timout,             xdist.timeout",
    })
    void warnsAboutAnUnknownKeyAndSuggestsTheNearestOne(String unknown, String suggestion) {
        List<String> warnings = new ArrayList<>();
        EngineExecutionResults results = withWarnings(warnings, () -> run(Map.of(unknown, "1")));

        assertPassed(results);
        assertThat(warnings)
                .as("warnings logged to io.github.junitxdist")
                .filteredOn(warning -> mentions(warning, unknown))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("did you mean '" + suggestion + "'?");
    }

    @Test
    void acceptsLegalValuesOfEveryKeyWithoutAWarning() {
        List<String> warnings = new ArrayList<>();
        EngineExecutionResults results = withWarnings(
                warnings,
                () -> run(Map.of(
                        "xdist.maxWorkerRestart",
                        "0",
                        "xdist.timeout",
                        "120.5",
                        "xdist.maxfail",
                        "3",
                        "xdist.jvmArgs",
                        "-Xmx128m")));

        assertPassed(results);
        assertThat(warnings).as("warnings logged to io.github.junitxdist").noneMatch(w -> w.contains("did you mean"));
    }

    private static EngineExecutionResults run(Map<String, String> configuration) {
        EngineTestKit.Builder builder = EngineTestKit.engine("xdist")
                .selectors(selectClass(OnePassingTestFixture.class))
                .configurationParameter("xdist.workers", "1");
        configuration.forEach(builder::configurationParameter);
        return builder.execute();
    }

    private static void assertPassed(EngineExecutionResults results) {
        TestExecutionResult engine =
                results.containerEvents().finished().list().get(0).getRequiredPayload(TestExecutionResult.class);
        assertThat(engine.getStatus()).as("status of the engine root").isEqualTo(Status.SUCCESSFUL);
        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    /** Whether {@code text} names {@code key} itself, not merely a longer key that starts with it. */
    private static boolean mentions(String text, String key) {
        return Pattern.compile(Pattern.quote(key) + "(?![A-Za-z])")
                .matcher(text)
                .find();
    }

    /** Runs {@code action} while collecting the formatted warnings of logger {@code io.github.junitxdist}. */
    private static EngineExecutionResults withWarnings(List<String> warnings, Supplier<EngineExecutionResults> action) {
        Logger logger = Logger.getLogger("io.github.junitxdist");
        SimpleFormatter formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(formatter.formatMessage(record));
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            return action.get();
        } finally {
            logger.removeHandler(handler);
        }
    }
}
