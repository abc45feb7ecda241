package io.github.junitxdist.config;

import static io.github.junitxdist.api.Constants.DIST_DEFAULT;
import static io.github.junitxdist.api.Constants.DIST_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.DURATIONS_FILE_DEFAULT;
import static io.github.junitxdist.api.Constants.DURATIONS_FILE_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.ISOLATE_DEFAULT;
import static io.github.junitxdist.api.Constants.ISOLATE_MAX_RUNS_DEFAULT;
import static io.github.junitxdist.api.Constants.ISOLATE_MAX_RUNS_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.ISOLATE_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.JVM_ARGS_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.MAX_FAIL_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.MAX_WORKER_RESTART_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.REPLAY_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.REPORT_DIR_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.SHARD_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.SHARD_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.SPLIT_DEFAULT;
import static io.github.junitxdist.api.Constants.SPLIT_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.SUMMARY_DEFAULT;
import static io.github.junitxdist.api.Constants.SUMMARY_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.TIMEOUT_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.WORKERS_DEFAULT;
import static io.github.junitxdist.api.Constants.WORKERS_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.WORKERS_PROPERTY_NAME;
import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.InvalidConfigurationException;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.Shard;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, parsed and validated once per run.
 *
 * @param workers the number of worker JVMs; {@code 0} runs the tests in the calling JVM (so does {@code xdist.dist=no});
 *     under {@code auto}, the number of available processors, the most a run may use
 * @param adaptive whether the number is {@code auto}: each run then decides how many of them it uses, none included
 * @param distribution how the tests are cut into units and handed to workers
 * @param jvmArgs extra JVM arguments for every worker
 * @param maxWorkerRestart how many crashed workers may be replaced; empty for the default, 4 × the workers started
 * @param timeout longest time a test may run, if limited
 * @param maxFail number of failed tests after which no new unit starts, if limited
 * @param durationsFile where unit durations are kept between runs
 * @param summary whether a forked run prints its summary at its end
 * @param split whether {@code loadscope} cuts a class that would be the run's long pole into parts
 * @param reportDir where a forked run writes its report, if set; else a default (see {@code ReportFiles})
 * @param replay the value of {@code xdist.replay}, if set: an earlier run's report and worker, read at execution
 * @param shard the shard of the suite this run keeps ({@code xdist.shard} or {@code XDIST_SHARD}), if set
 * @param isolateFailures whether each test that failed in a forked run runs again alone after it ({@code
 *     xdist.isolate=failures})
 * @param isolateMaxRuns how many worker JVMs the isolation check of one failed test may run
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record XdistConfiguration(
        int workers,
        boolean adaptive,
        Distribution distribution,
        List<String> jvmArgs,
        OptionalInt maxWorkerRestart,
        Optional<Duration> timeout,
        OptionalInt maxFail,
        Path durationsFile,
        boolean summary,
        boolean split,
        Optional<Path> reportDir,
        Optional<String> replay,
        Optional<Shard> shard,
        boolean isolateFailures,
        int isolateMaxRuns) {

    public XdistConfiguration {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * Reads the configuration from the run's configuration parameters and the environment, and warns about
     * {@code xdist.*} keys it does not know.
     *
     * @throws InvalidConfigurationException naming the key, the value and what is allowed
     */
    public static XdistConfiguration from(ConfigurationParameters parameters, Map<String, String> environment) {
        UnknownKeys.warnAbout(parameters);
        String fromEnvironment = environment.get(WORKERS_ENVIRONMENT_VARIABLE);
        String rawWorkers = fromEnvironment != null
                ? fromEnvironment
                : parameters.get(WORKERS_PROPERTY_NAME).orElse(WORKERS_DEFAULT);
        int workers = parseWorkers(
                fromEnvironment != null
                        ? "environment variable " + WORKERS_ENVIRONMENT_VARIABLE
                        : "configuration parameter " + WORKERS_PROPERTY_NAME,
                rawWorkers);
        boolean adaptive = rawWorkers.strip().equalsIgnoreCase("auto");
        Distribution distribution =
                distribution(parameters.get(DIST_PROPERTY_NAME).orElse(DIST_DEFAULT));
        if (distribution == Distribution.NO) {
            workers = 0;
        }
        List<String> jvmArgs = parameters
                .get(JVM_ARGS_PROPERTY_NAME)
                .map(value -> CommandLineSplitter.split(JVM_ARGS_PROPERTY_NAME, value))
                .orElse(List.of());
        OptionalInt maxWorkerRestart =
                integer(parameters, MAX_WORKER_RESTART_PROPERTY_NAME, 0, "a non-negative integer");
        Optional<Duration> timeout = parameters.get(TIMEOUT_PROPERTY_NAME).map(XdistConfiguration::parseTimeout);
        OptionalInt maxFail = integer(parameters, MAX_FAIL_PROPERTY_NAME, 1, "a positive integer");
        Path durationsFile =
                durationsFile(parameters.get(DURATIONS_FILE_PROPERTY_NAME).orElse(DURATIONS_FILE_DEFAULT));
        boolean summary = bool(parameters, SUMMARY_PROPERTY_NAME, SUMMARY_DEFAULT);
        boolean split = bool(parameters, SPLIT_PROPERTY_NAME, SPLIT_DEFAULT);
        Optional<Path> reportDir = parameters.get(REPORT_DIR_PROPERTY_NAME).map(XdistConfiguration::reportDir);
        return new XdistConfiguration(
                workers,
                adaptive && workers > 0,
                distribution,
                jvmArgs,
                maxWorkerRestart,
                timeout,
                maxFail,
                durationsFile,
                summary,
                split,
                reportDir,
                parameters.get(REPLAY_PROPERTY_NAME).map(String::strip).filter(value -> !value.isEmpty()),
                shard(parameters, environment),
                isolate(parameters.get(ISOLATE_PROPERTY_NAME).orElse(ISOLATE_DEFAULT)),
                integer(parameters, ISOLATE_MAX_RUNS_PROPERTY_NAME, 1, "a positive integer")
                        .orElse(ISOLATE_MAX_RUNS_DEFAULT));
    }

    /** The shard from the environment variable, else the parameter; a blank value is no shard. */
    private static Optional<Shard> shard(ConfigurationParameters parameters, Map<String, String> environment) {
        String fromEnvironment = environment.get(SHARD_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Optional.of(parseShard("environment variable " + SHARD_ENVIRONMENT_VARIABLE, fromEnvironment));
        }
        return parameters
                .get(SHARD_PROPERTY_NAME)
                .filter(raw -> !raw.isBlank())
                .map(raw -> parseShard("configuration parameter " + SHARD_PROPERTY_NAME, raw));
    }

    private static Shard parseShard(String source, String raw) {
        String[] parts = raw.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                int index = Integer.parseInt(parts[0].strip());
                int total = Integer.parseInt(parts[1].strip());
                if (total >= 1 && index >= 1 && index <= total) {
                    return new Shard(index, total);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw invalid(
                source,
                raw,
                "i/n, the shard i of n to run, with n a positive integer and i from 1 to n (such as 2/4); shards"
                        + " are numbered from 1");
    }

    private static boolean isolate(String raw) {
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "off" -> false;
            case "failures" -> true;
            default ->
                throw invalid(
                        "configuration parameter " + ISOLATE_PROPERTY_NAME,
                        raw,
                        "off (the default) or failures (run each failed test again alone after the run)");
        };
    }

    private static boolean bool(ConfigurationParameters parameters, String key, String defaultValue) {
        String raw = parameters.get(key).orElse(defaultValue);
        return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid("configuration parameter " + key, raw, "true or false");
        };
    }

    private static Path reportDir(String raw) {
        try {
            if (!raw.isBlank()) {
                return Path.of(System.getProperty("user.dir")).resolve(raw.strip());
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw invalid("configuration parameter " + REPORT_DIR_PROPERTY_NAME, raw, "a directory path");
    }

    private static Distribution distribution(String raw) {
        return Distribution.byKey(raw.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> invalid(
                        "configuration parameter " + DIST_PROPERTY_NAME,
                        raw,
                        "one of " + String.join(", ", Distribution.keys())));
    }

    private static Path durationsFile(String raw) {
        try {
            if (!raw.isBlank()) {
                return Path.of(System.getProperty("user.dir")).resolve(raw.strip());
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        throw invalid("configuration parameter " + DURATIONS_FILE_PROPERTY_NAME, raw, "a file path");
    }

    private static int parseWorkers(String source, String raw) {
        String value = raw.strip();
        if (value.equalsIgnoreCase("auto")) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int workers = Integer.parseInt(value);
            if (workers >= 0) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(
                source,
                raw,
                "a positive integer, 'auto' (as many as the run can use, up to the number of"
                        + " available processors, none for one class or a short run) or 0 (run in the calling JVM without"
                        + " forking)");
    }

    private static OptionalInt integer(ConfigurationParameters parameters, String key, int minimum, String allowed) {
        Optional<String> raw = parameters.get(key);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(raw.get().strip());
            if (value >= minimum) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("configuration parameter " + key, raw.get(), allowed);
    }

    private static Duration parseTimeout(String raw) {
        try {
            double seconds = Double.parseDouble(raw.strip());
            if (seconds > 0 && Double.isFinite(seconds)) {
                return Duration.ofNanos((long) (seconds * 1_000_000_000L));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(
                "configuration parameter " + TIMEOUT_PROPERTY_NAME,
                raw,
                "a positive number of seconds, such as 30" + " or 2.5");
    }

    private static InvalidConfigurationException invalid(String source, String value, String allowed) {
        return new InvalidConfigurationException(
                "Invalid value '%s' for %s: expected %s".formatted(value, source, allowed));
    }
}
