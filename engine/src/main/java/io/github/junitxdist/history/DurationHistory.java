package io.github.junitxdist.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * How long each unit took in earlier runs, kept in a small text file so that the next run can start the longest units
 * first.
 *
 * <p>The file has a header line and one {@code <milliseconds> TAB <unit unique id>} line per unit. A file that cannot be
 * read or parsed is ignored with a warning: the run then estimates from test counts. Saving merges with what is in the
 * file at that moment under a file lock and replaces the file atomically, so two runs that finish at once both keep
 * their measurements and a reader never sees half a file. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DurationHistory {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");
    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id";
    private static final int MAX_ENTRIES = 100_000;

    private final Path file;
    private final Map<String, Long> earlier;
    private final Map<String, Long> measured = new ConcurrentHashMap<>();

    private DurationHistory(Path file, Map<String, Long> earlier) {
        this.file = file;
        this.earlier = earlier;
    }

    /** Reads the history file; a missing file is an empty history, a bad one is ignored with a warning. */
    public static DurationHistory load(Path file) {
        if (!Files.exists(file)) {
            return new DurationHistory(file, Map.of());
        }
        try {
            return new DurationHistory(file, read(file));
        } catch (IOException | RuntimeException e) {
            LOGGER.warning(() -> "junit-xdist ignores its duration history %s, which it cannot read (%s); units are"
                    .formatted(file, e) + " ordered by their number of tests this time");
            return new DurationHistory(file, Map.of());
        }
    }

    /** Unit durations of earlier runs in milliseconds, by unit unique id. */
    public Map<String, Long> earlierMillis() {
        return Collections.unmodifiableMap(earlier);
    }

    /** Records how long a unit took in this run. */
    public void record(String unitId, long millis) {
        measured.put(unitId, Math.max(0, millis));
    }

    /** Merges this run's measurements into the file; a failure to write is a warning, never fatal. */
    public void save() {
        if (measured.isEmpty()) {
            return;
        }
        try {
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            try (var lock = FileChannel.open(directory.resolve(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                // Released when the channel closes.
                lock.lock();
                Map<String, Long> merged = new TreeMap<>();
                if (Files.exists(file)) {
                    try {
                        merged.putAll(read(file));
                    } catch (IOException | RuntimeException e) {
                        // a corrupt file is replaced by this run's measurements
                    }
                }
                merged.putAll(measured);
                write(directory, merged);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.warning(() -> "junit-xdist could not save its duration history to %s: %s".formatted(file, e));
        }
    }

    private void write(Path directory, Map<String, Long> durations) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        durations.entrySet().stream().limit(MAX_ENTRIES)
                .forEach(entry -> lines.add(entry.getValue() + "\t" + entry.getKey()));
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Map<String, Long> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException("not a junit-xdist duration history (unexpected first line)");
        }
        Map<String, Long> durations = new ConcurrentHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("malformed line: " + line);
            }
            long millis = Long.parseLong(line.substring(0, tab));
            if (millis < 0) {
                throw new IOException("negative duration: " + line);
            }
            durations.put(line.substring(tab + 1), millis);
        }
        return durations;
    }
}
