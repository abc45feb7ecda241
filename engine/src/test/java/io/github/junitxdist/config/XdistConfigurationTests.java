package io.github.junitxdist.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitxdist.api.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing and validating {@code xdist.workers}, {@code XDIST_WORKERS} and {@code xdist.jvmArgs}. */
class XdistConfigurationTests {

    @Test
    void defaultsToOneWorkerPerAvailableProcessor() {
        assertThat(parse(Map.of(), Map.of()).workers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void acceptsPositiveIntegersZeroAndAuto() {
        assertThat(parse(Map.of("xdist.workers", "3"), Map.of()).workers()).isEqualTo(3);
        assertThat(parse(Map.of("xdist.workers", " 0 "), Map.of()).workers()).isZero();
        assertThat(parse(Map.of("xdist.workers", "AUTO"), Map.of()).workers())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theEnvironmentVariableOverridesTheParameter() {
        assertThat(parse(Map.of("xdist.workers", "3"), Map.of("XDIST_WORKERS", "0"))
                        .workers())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "lots", "", "1.5"})
    void rejectsAnythingElseNamingKeyValueAndWhatIsAllowed(String value) {
        assertThatThrownBy(() -> parse(Map.of("xdist.workers", value), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("configuration parameter xdist.workers")
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("a positive integer, 'auto'");
        assertThatThrownBy(() -> parse(Map.of(), Map.of("XDIST_WORKERS", value)))
                .hasMessageContaining("environment variable XDIST_WORKERS")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void splitsJvmArgsOnWhitespaceHonouringQuotes() {
        var configuration = parse(Map.of("xdist.jvmArgs", " -Xmx256m  -Da=\"b c\" '-Dd=e f'"), Map.of());

        assertThat(configuration.jvmArgs()).containsExactly("-Xmx256m", "-Da=b c", "-Dd=e f");
    }

    @Test
    void rejectsAnUnclosedQuoteInJvmArgs() {
        assertThatThrownBy(() -> parse(Map.of("xdist.jvmArgs", "-Da=\"b"), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("xdist.jvmArgs")
                .hasMessageContaining("unclosed");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "xdist.maxWorkerRestart | -1   | a non-negative integer",
                "xdist.maxWorkerRestart | many | a non-negative integer",
                "xdist.timeout          | 0    | a positive number of seconds",
                "xdist.timeout          | -3   | a positive number of seconds",
                "xdist.timeout          | soon | a positive number of seconds",
                "xdist.maxfail          | 0    | a positive integer",
                "xdist.maxfail          | x    | a positive integer",
            })
    void rejectsBadReliabilityLimits(String key, String value, String allowed) {
        assertThatThrownBy(() -> parse(Map.of(key, value), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Invalid value '%s' for configuration parameter %s: expected %s%s",
                        value, key, allowed, key.equals("xdist.timeout") ? ", such as 30 or 2.5" : "");
    }

    @Test
    void readsReliabilityLimits() {
        var configuration =
                parse(Map.of("xdist.maxWorkerRestart", "0", "xdist.timeout", "2.5", "xdist.maxfail", "3"), Map.of());

        assertThat(configuration.maxWorkerRestart()).hasValue(0);
        assertThat(configuration.timeout()).contains(java.time.Duration.ofMillis(2500));
        assertThat(configuration.maxFail()).hasValue(3);
        assertThat(parse(Map.of(), Map.of()).timeout()).isEmpty();
    }

    @Test
    void suggestsTheNearestKnownKeyForAnUnknownOne() {
        assertThat(UnknownKeys.nearest("xdist.maxWorkerRestarts")).isEqualTo("xdist.maxWorkerRestart");
        assertThat(UnknownKeys.nearest("xdist.worker")).isEqualTo("xdist.workers");
        assertThat(UnknownKeys.nearest("xdist.timout")).isEqualTo("xdist.timeout");
    }

    @Test
    void readsTheShardFromTheParameterOrTheEnvironmentVariableWhichWins() {
        assertThat(parse(Map.of(), Map.of()).shard()).isEmpty();
        assertThat(parse(Map.of("xdist.shard", " 2/3 "), Map.of()).shard())
                .contains(new io.github.junitxdist.scheduling.Shard(2, 3));
        assertThat(parse(Map.of("xdist.shard", "1/1"), Map.of()).shard())
                .contains(new io.github.junitxdist.scheduling.Shard(1, 1));
        assertThat(parse(Map.of("xdist.shard", "2/3"), Map.of("XDIST_SHARD", "4/5"))
                        .shard())
                .contains(new io.github.junitxdist.scheduling.Shard(4, 5));
        assertThat(parse(Map.of("xdist.shard", "2/3"), Map.of("XDIST_SHARD", ""))
                        .shard())
                .contains(new io.github.junitxdist.scheduling.Shard(2, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "1/0", "-1/2", "3", "a/b", "1/2/3", "/", "1/", "/2", "1.5/2", "1-2"})
    void rejectsAShardOutOfRangeOrMalformedNamingTheSourceAndTheExpectedForm(String value) {
        assertThatThrownBy(() -> parse(Map.of("xdist.shard", value), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage(
                        "Invalid value '%s' for configuration parameter xdist.shard: expected i/n, the shard i of n"
                                + " to run, with n a positive integer and i from 1 to n (such as 2/4); shards are numbered"
                                + " from 1",
                        value);
        assertThatThrownBy(() -> parse(Map.of(), Map.of("XDIST_SHARD", value)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith(
                        "Invalid value '%s' for environment variable XDIST_SHARD: expected i/n".formatted(value));
    }

    private static XdistConfiguration parse(Map<String, String> parameters, Map<String, String> environment) {
        return XdistConfiguration.from(new MapParameters(parameters), environment);
    }
}
