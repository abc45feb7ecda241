package io.github.junitxdist.config;

import static io.github.junitxdist.api.Constants.JVM_ARGS_PROPERTY_NAME;
import static io.github.junitxdist.api.Constants.WORKERS_DEFAULT;
import static io.github.junitxdist.api.Constants.WORKERS_ENVIRONMENT_VARIABLE;
import static io.github.junitxdist.api.Constants.WORKERS_PROPERTY_NAME;
import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration, parsed and validated once per run.
 *
 * @param workers the number of worker JVMs; {@code 0} runs the tests in the calling JVM
 * @param jvmArgs extra JVM arguments for every worker
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record XdistConfiguration(int workers, List<String> jvmArgs) {

    public XdistConfiguration {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * Reads the configuration from the run's configuration parameters and the environment.
     *
     * @throws InvalidConfigurationException naming the key, the value and what is allowed
     */
    public static XdistConfiguration from(ConfigurationParameters parameters, Map<String, String> environment) {
        String fromEnvironment = environment.get(WORKERS_ENVIRONMENT_VARIABLE);
        int workers = fromEnvironment != null
                ? parseWorkers("environment variable " + WORKERS_ENVIRONMENT_VARIABLE, fromEnvironment)
                : parseWorkers(
                        "configuration parameter " + WORKERS_PROPERTY_NAME,
                        parameters.get(WORKERS_PROPERTY_NAME).orElse(WORKERS_DEFAULT));
        List<String> jvmArgs = parameters.get(JVM_ARGS_PROPERTY_NAME)
                .map(value -> CommandLineSplitter.split(JVM_ARGS_PROPERTY_NAME, value))
                .orElse(List.of());
        return new XdistConfiguration(workers, jvmArgs);
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
        throw new InvalidConfigurationException("Invalid value '%s' for %s: expected a positive integer, 'auto' (the number of available processors) or 0 (run in the calling JVM without forking)"
                .formatted(raw, source));
    }
}
