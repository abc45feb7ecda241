package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.api.Constants;
import io.github.junitxdist.api.InvalidConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The order one worker of an earlier run executed its units in, read back from that run's {@code xdist-report.json}
 * for {@code xdist.replay=<report file>[#gwN]}. Without {@code #gwN} the worker is the one that ran the first failed
 * unit (in the order the units started), else the only one. A file that is missing, is not such a report, or has no such worker is an
 * {@link InvalidConfigurationException} naming the key, the value and what is allowed.
 *
 * @param file the report file
 * @param worker the worker whose order this is
 * @param units the unique ids of its units, in the order it ran them
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record ReplayOrder(Path file, String worker, List<String> units) {

    public ReplayOrder {
        units = List.copyOf(units);
    }

    /** Reads the value of {@code xdist.replay}, relative to {@code workingDirectory}. */
    public static ReplayOrder read(String value, Path workingDirectory) {
        int hash = value.lastIndexOf('#');
        String path = (hash < 0 ? value : value.substring(0, hash)).strip();
        @Nullable String worker = hash < 0 ? null : value.substring(hash + 1).strip();
        Path file;
        try {
            file = workingDirectory.resolve(path);
        } catch (InvalidPathException e) {
            throw invalid(value, "not a path");
        }
        if (path.isEmpty() || !Files.isRegularFile(file)) {
            throw invalid(value, "no such file: " + file);
        }
        Map<String, List<String>> orders = orders(file, value);
        String chosen = worker != null ? worker : defaultWorker(file, orders, value);
        List<String> units = orders.get(chosen);
        if (units == null) {
            throw invalid(value, "the report has no worker '%s', only %s".formatted(chosen, orders.keySet()));
        }
        return new ReplayOrder(file, chosen, units);
    }

    /** Each worker's order, by name. */
    private static Map<String, List<String>> orders(Path file, String value) {
        try {
            Map<String, @Nullable Object> report =
                    JsonValues.object(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8)));
            if (!Json.FORMAT.equals(report.get("format"))) {
                throw invalid(value, "not a junit-xdist report (no \"format\": \"" + Json.FORMAT + "\"): " + file);
            }
            Map<String, List<String>> orders = new LinkedHashMap<>();
            for (Object entry : JsonValues.array(report.get("workers"))) {
                Map<String, @Nullable Object> worker = JsonValues.object(entry);
                List<String> order = new ArrayList<>();
                JsonValues.array(worker.get("order")).forEach(unit -> order.add(String.valueOf(unit)));
                orders.put(String.valueOf(worker.get("name")), order);
            }
            return orders;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidConfigurationException invalid) {
                throw invalid;
            }
            throw invalid(value, "not a readable junit-xdist report (" + e.getMessage() + "): " + file);
        }
    }

    /** The first worker that ran a failed unit; else the only worker. */
    private static String defaultWorker(Path file, Map<String, List<String>> orders, String value) {
        try {
            Map<String, @Nullable Object> report =
                    JsonValues.object(JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8)));
            for (Object entry : JsonValues.array(report.get("units"))) {
                Map<String, @Nullable Object> unit = JsonValues.object(entry);
                if ("failed".equals(unit.get("outcome")) && unit.get("worker") != null) {
                    return String.valueOf(unit.get("worker"));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw invalid(value, "not a readable junit-xdist report (" + e.getMessage() + "): " + file);
        }
        if (orders.size() == 1) {
            return orders.keySet().iterator().next();
        }
        throw invalid(value, "no unit failed in that run; name the worker to replay: one of " + orders.keySet());
    }

    private static InvalidConfigurationException invalid(String value, String why) {
        return new InvalidConfigurationException(
                "Invalid value '%s' for configuration parameter %s: %s; expected <report file>[#gwN], the"
                                .formatted(value, Constants.REPLAY_PROPERTY_NAME, why)
                        + " xdist-report.json of an earlier run and one of its workers");
    }
}
