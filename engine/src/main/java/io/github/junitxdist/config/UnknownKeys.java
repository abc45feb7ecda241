package io.github.junitxdist.config;

import io.github.junitxdist.api.Constants;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Warns about {@code xdist.*} configuration parameters that junit-xdist does not know, suggesting the nearest key it
 * does know: a typo in a key should not silently leave the default in place.
 *
 * <p>Warns once per key and JVM: a build tool may discover many times in one run (Maven Surefire discovers each test
 * class on its own before it runs them all), and each discovery reads the configuration. Thread-safe.
 */
final class UnknownKeys {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");

    private static final List<String> CONFIGURATION_KEYS = List.of(
            Constants.WORKERS_PROPERTY_NAME,
            Constants.DIST_PROPERTY_NAME,
            Constants.JVM_ARGS_PROPERTY_NAME,
            Constants.MAX_WORKER_RESTART_PROPERTY_NAME,
            Constants.TIMEOUT_PROPERTY_NAME,
            Constants.MAX_FAIL_PROPERTY_NAME,
            Constants.DURATIONS_FILE_PROPERTY_NAME,
            Constants.SUMMARY_PROPERTY_NAME,
            Constants.SPLIT_PROPERTY_NAME,
            Constants.REPORT_DIR_PROPERTY_NAME,
            Constants.SHARD_PROPERTY_NAME,
            Constants.REPLAY_PROPERTY_NAME,
            Constants.ISOLATE_PROPERTY_NAME,
            Constants.ISOLATE_MAX_RUNS_PROPERTY_NAME);

    /** Set in every worker as system properties, which are configuration parameters too; a typo where unset. */
    private static final List<String> IDENTITY_KEYS = List.of(
            Constants.WORKER_SYSTEM_PROPERTY,
            Constants.WORKER_COUNT_SYSTEM_PROPERTY,
            Constants.TEST_RUN_UID_SYSTEM_PROPERTY);

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private UnknownKeys() {}

    static void warnAbout(ConfigurationParameters parameters) {
        for (String key : parameters.keySet()) {
            boolean identity = IDENTITY_KEYS.contains(key) && System.getProperty(key) != null;
            if (key.startsWith("xdist.") && !CONFIGURATION_KEYS.contains(key) && !identity && WARNED.add(key)) {
                LOGGER.warning(() -> "junit-xdist does not know the configuration parameter '%s'; did you mean '%s'?"
                        .formatted(key, nearest(key)));
            }
        }
    }

    static String nearest(String key) {
        return CONFIGURATION_KEYS.stream()
                .min(Comparator.comparingInt(
                        known -> distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT))))
                .orElseThrow();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
