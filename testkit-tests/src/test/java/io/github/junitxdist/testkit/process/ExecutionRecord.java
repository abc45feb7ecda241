package io.github.junitxdist.testkit.process;

import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One real execution of a fixture test, as written by {@link RecordingExtension} in the JVM that ran it.
 *
 * @param test {@code <class name>#<method name>}
 * @param worker the {@code xdist.worker} system property, {@code "null"} when unset
 * @param pid the pid of the JVM that ran the test
 * @param properties everything else the extension recorded
 */
record ExecutionRecord(String test, String worker, long pid, Properties properties) {

    /** Every record in {@code dir}, one per execution. */
    static List<ExecutionRecord> readAll(Path dir) {
        List<ExecutionRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Properties properties = new Properties();
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                records.add(new ExecutionRecord(
                        properties.getProperty("test"),
                        properties.getProperty("worker"),
                        Long.parseLong(properties.getProperty("pid")),
                        properties));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** A recorded value other than test, worker and pid; {@code "null"} when the JVM had none. */
    String get(String key) {
        return properties.getProperty(key);
    }

    @Override
    public String toString() {
        return test + " on " + worker + " (pid " + pid + ")";
    }
}
