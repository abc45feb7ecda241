package io.github.junitxdist.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * How long each unit took in earlier runs, kept in a small text file (see {@link HistoryFile}) so that the next run can
 * start the longest units first.
 *
 * <p>A missing or empty file is an empty history. A history with a corrupt line is ignored with a warning and replaced
 * on save: the run then estimates from test counts. A file that exists and is not a history (a mistyped path naming
 * someone's notes, say) is never written, its mode never changed and no file is left beside it: the run goes on
 * without history, after one warning. Saving merges with what is in the file at that moment under a lock file beside
 * it and replaces the file atomically, so two runs that finish at once both keep their measurements and a reader never
 * sees half a file. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class DurationHistory {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");

    private final Path file;
    private final String key;
    private final boolean writable;
    private final Map<String, Long> earlier;
    private final Map<String, Long> measured = new ConcurrentHashMap<>();

    private DurationHistory(Path file, String key, boolean writable, Map<String, Long> earlier) {
        this.file = file;
        this.key = key;
        this.writable = writable;
        this.earlier = earlier;
    }

    /**
     * Reads the history file: a missing or empty file is an empty history; a corrupt history or a file that is not a
     * history is ignored with a warning.
     *
     * @param key the configuration key that named the file, for the warnings
     */
    public static DurationHistory load(Path file, String key) {
        Optional<String> notOurs = HistoryFile.notOurs(file);
        if (notOurs.isPresent()) {
            warnNotOurs(key, file, notOurs.get());
            return new DurationHistory(file, key, false, Map.of());
        }
        if (!Files.exists(file)) {
            return new DurationHistory(file, key, true, Map.of());
        }
        try {
            return new DurationHistory(file, key, true, HistoryFile.read(file));
        } catch (IOException | RuntimeException e) {
            LOGGER.warning(() -> ("junit-xdist ignores its duration history %s (%s), which it cannot read (%s); units"
                            + " are ordered by their number of tests this time, and the file is replaced after the run")
                    .formatted(file, key, e));
            return new DurationHistory(file, key, true, Map.of());
        }
    }

    /**
     * The entry that keeps what starting a worker costs on this machine: from the start of its JVM to the first event of
     * its first unit. Not a unique id, so no unit has it.
     */
    static final String WORKER_START = "worker start";

    /** Unit durations of earlier runs in milliseconds, by unit unique id. */
    public Map<String, Long> earlierMillis() {
        return Collections.unmodifiableMap(earlier);
    }

    /** What starting a worker took in the latest run that started one, if any run did. */
    public OptionalLong workerStartMillis() {
        Long millis = earlier.get(WORKER_START);
        return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    /**
     * Records what starting a worker took in this run; of several, the last recorded is kept. Workers that start while
     * others compete for the processors take longer, which is what starting them costs in a run.
     */
    public void recordWorkerStart(long millis) {
        measured.put(WORKER_START, Math.max(0, millis));
    }

    /** Records how long a unit took in this run. */
    public void record(String unitId, long millis) {
        measured.put(unitId, Math.max(0, millis));
    }

    /**
     * Merges this run's measurements into the file, unless it was found not to be a history (when loaded, or now); a
     * failure to write is a warning, never fatal.
     */
    public void save() {
        if (!writable || measured.isEmpty()) {
            return;
        }
        try {
            // Asked before the lock file is created, so that nothing is left beside a file that is not ours.
            Optional<String> notOurs = HistoryFile.notOurs(file);
            if (notOurs.isPresent()) {
                warnNotOurs(key, file, notOurs.get());
                return;
            }
            Path directory = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a history file is not a root");
            Files.createDirectories(directory);
            saveLocked(directory.resolve(file.getFileName() + ".lock"));
        } catch (IOException | RuntimeException e) {
            LOGGER.warning(
                    () -> "junit-xdist could not save its duration history to %s (%s): %s".formatted(file, key, e));
        }
    }

    private void saveLocked(Path lockFile) throws IOException {
        boolean created = !Files.exists(lockFile);
        try (var lock = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            // Released when the channel closes.
            lock.lock();
            // Asked again under the lock: another process may have put a file of its own there meanwhile.
            Optional<String> notOurs = HistoryFile.notOurs(file);
            if (notOurs.isPresent()) {
                if (created) {
                    Files.deleteIfExists(lockFile);
                }
                warnNotOurs(key, file, notOurs.get());
                return;
            }
            Map<String, Long> merged = new TreeMap<>();
            if (Files.exists(file)) {
                try {
                    merged.putAll(HistoryFile.read(file));
                } catch (IOException | RuntimeException e) {
                    // a corrupt history is replaced by this run's measurements
                }
            }
            merged.putAll(measured);
            HistoryFile.write(file, merged);
        }
    }

    private static void warnNotOurs(String key, Path file, String why) {
        LOGGER.warning(() -> ("junit-xdist runs without duration history: %s names %s, which is not a junit-xdist"
                        + " duration history (%s); the file is left as it is")
                .formatted(key, file, why));
    }
}
