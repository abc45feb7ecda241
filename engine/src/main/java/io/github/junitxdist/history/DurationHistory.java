package io.github.junitxdist.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * How long each unit took in earlier runs, kept in a small text file (see {@link HistoryFile}) so that the next run can
 * start the longest units first and decide how many workers to use. What a fresh worker pays once is kept apart from
 * what each unit costs on a warm worker (see {@link WarmFigures}), with what starting a worker costs and how far the
 * latest forked run was off its prediction.
 *
 * <p>A missing or empty file is an empty history. A history with a corrupt line is ignored with a warning and replaced
 * on save: the run then estimates from test counts. A file that exists and is not a history (a mistyped path naming
 * someone's notes, say) is never written, its mode never changed and no file is left beside it: the run goes on
 * without history, after one warning. Saving merges with what is in the file at that moment under a lock file beside
 * it and replaces the file atomically, so two runs that finish at once both keep their measurements and a reader never
 * sees half a file. Each entry saved is stamped with the time of saving, so that {@link MergeHistories} can merge the
 * histories of several machines newest first. Thread-safe.
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
    private final Map<String, Long> costs;
    private final Map<String, Long> measured = new ConcurrentHashMap<>();
    private final Map<String, Long> warm = new ConcurrentHashMap<>();
    private final Map<String, Long> first = new ConcurrentHashMap<>();
    private final Map<String, Long> tests = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    private DurationHistory(Path file, String key, boolean writable, Map<String, Long> earlier, LongSupplier clock) {
        this.file = file;
        this.key = key;
        this.writable = writable;
        this.earlier = earlier;
        this.costs = WarmFigures.costs(earlier);
        this.clock = clock;
    }

    /** A history that knows no earlier run and is never saved: for runs whose durations mean nothing (isolation checks). */
    public static DurationHistory scratch() {
        return new DurationHistory(Path.of("scratch"), "none", false, Map.of(), System::currentTimeMillis);
    }

    /**
     * Reads the history file: a missing or empty file is an empty history; a corrupt history or a file that is not a
     * history is ignored with a warning.
     *
     * @param key the configuration key that named the file, for the warnings
     */
    public static DurationHistory load(Path file, String key) {
        return load(file, key, System::currentTimeMillis);
    }

    /** As {@link #load(Path, String)}, with the clock that stamps what {@link #save()} writes (milliseconds). */
    static DurationHistory load(Path file, String key, LongSupplier clock) {
        Optional<String> notOurs = HistoryFile.notOurs(file);
        if (notOurs.isPresent()) {
            warnNotOurs(key, file, notOurs.get());
            return new DurationHistory(file, key, false, Map.of(), clock);
        }
        if (!Files.exists(file)) {
            return new DurationHistory(file, key, true, Map.of(), clock);
        }
        try {
            return new DurationHistory(file, key, true, HistoryFile.read(file), clock);
        } catch (IOException | RuntimeException e) {
            LOGGER.warning(() -> ("junit-xdist ignores its duration history %s (%s), which it cannot read (%s); units"
                            + " are ordered by their number of tests this time, and the file is replaced after the run")
                    .formatted(file, key, e));
            return new DurationHistory(file, key, true, Map.of(), clock);
        }
    }

    /**
     * What each unit costs on a warm worker, in milliseconds, by unit unique id: its warm figure from earlier runs, or,
     * for a unit measured only when it ran first on a worker, that figure minus what a fresh worker pays once (see
     * {@link WarmFigures}).
     */
    public Map<String, Long> earlierMillis() {
        return costs;
    }

    /** What starting a worker took in the latest run that started one, if any run did. */
    public OptionalLong workerStartMillis() {
        return entry(WarmFigures.WORKER_START);
    }

    /** What a fresh worker's first unit took beyond its warm figure, as last learned, if ever. */
    public OptionalLong workerWarmUpMillis() {
        return entry(WarmFigures.WARM_UP);
    }

    /**
     * How much longer the latest forked run took than its prediction from these figures (1.5: half as long again), if
     * one was recorded; it covers what the prediction leaves out, such as relaying events and workers compiling the
     * same code on the same processors.
     */
    public OptionalDouble forkFactor() {
        OptionalLong thousandths = entry(WarmFigures.FORK_FACTOR);
        return thousandths.isPresent() ? OptionalDouble.of(thousandths.getAsLong() / 1000.0) : OptionalDouble.empty();
    }

    /** What whole runs took, as last measured in the calling JVM and on workers. */
    public RunWalls runWalls() {
        return new RunWalls(
                entry(WarmFigures.CALLING_JVM_WALL),
                entry(WarmFigures.CALLING_JVM_CLASSES).orElse(0),
                entry(WarmFigures.FORKED_WALL),
                entry(WarmFigures.FORKED_CLASSES).orElse(0),
                entry(WarmFigures.FORKED_BUSY).orElse(0));
    }

    /** Records a whole run in the calling JVM: its wall time and its number of classes. */
    public void recordCallingJvmRun(long millis, long classes) {
        measured.put(WarmFigures.CALLING_JVM_WALL, Math.max(0, millis));
        measured.put(WarmFigures.CALLING_JVM_CLASSES, Math.max(0, classes));
    }

    /**
     * Records a whole forked run: its wall time, its number of classes, how busy the processors were (thousandths,
     * negative when unknown: not recorded), and the wall time its own figures ({@link #thisRunMillis()}) predict for it
     * (0 when they cannot: not recorded). The next runs under {@code xdist.workers=auto} weigh their predictions by how
     * far this one was off, kept between half and five times.
     */
    public void recordForkedRun(long millis, long classes, long busyThousandths, long predictedMillis) {
        measured.put(WarmFigures.FORKED_WALL, Math.max(0, millis));
        measured.put(WarmFigures.FORKED_CLASSES, Math.max(0, classes));
        if (busyThousandths >= 0) {
            measured.put(WarmFigures.FORKED_BUSY, Math.min(1000, busyThousandths));
        } else {
            measured.remove(WarmFigures.FORKED_BUSY);
        }
        if (predictedMillis > 0) {
            long thousandths = Math.round(1000.0 * millis / predictedMillis);
            measured.put(WarmFigures.FORK_FACTOR, Math.max(500, Math.min(5000, thousandths)));
        }
    }

    /**
     * The units that are slow only when they run first on a worker, the mark of a per-JVM fixture such as a framework
     * context: they are worth keeping together on workers that built it.
     */
    public Set<String> slowWhenFirst() {
        return WarmFigures.slowWhenFirst(earlier);
    }

    private OptionalLong entry(String key) {
        Long millis = earlier.get(key);
        return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
    }

    /**
     * Records what starting a worker took in this run; of several, the last recorded is kept. Workers that start while
     * others compete for the processors take longer, which is what starting them costs in a run.
     */
    public void recordWorkerStart(long millis) {
        measured.put(WarmFigures.WORKER_START, Math.max(0, millis));
    }

    /** Records how long a unit took in this run on a warm worker, or in the calling JVM. */
    public void record(String unitId, long millis) {
        warm.put(unitId, Math.max(0, millis));
    }

    /**
     * Records how long a unit of {@code tests} tests took in this run on a worker, and whether it was the first the
     * worker ran (or the first of its fixture there): such a figure never replaces the unit's warm one.
     */
    public void record(String unitId, long millis, long tests, boolean first) {
        (first ? this.first : warm).put(unitId, Math.max(0, millis));
        this.tests.put(unitId, tests);
    }

    /**
     * What each unit measured in this run costs by this run's figures, read as {@link #earlierMillis()} reads the
     * history (a first figure less the warm-up), by unit unique id.
     */
    public Map<String, Long> thisRunMillis() {
        Map<String, Long> entries = new HashMap<>(earlier);
        entries.putAll(thisRun());
        Map<String, Long> costs = new HashMap<>(WarmFigures.costs(entries));
        costs.keySet().removeIf(unit -> !warm.containsKey(unit) && !first.containsKey(unit));
        return costs;
    }

    /** What starting a worker took in this run, else in the latest run that measured it. */
    public OptionalLong latestWorkerStartMillis() {
        Long millis = measured.get(WarmFigures.WORKER_START);
        return millis == null ? workerStartMillis() : OptionalLong.of(millis);
    }

    /**
     * Merges this run's measurements into the file, unless it was found not to be a history (when loaded, or now); a
     * failure to write is a warning, never fatal.
     */
    public void save() {
        if (!writable || (measured.isEmpty() && warm.isEmpty() && first.isEmpty())) {
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
            Map<String, Long> thisRun = thisRun();
            merged.putAll(thisRun);
            long now = clock.getAsLong();
            thisRun.keySet().forEach(entry -> merged.put(WarmFigures.STAMP_PREFIX + entry, now));
            HistoryFile.write(file, merged);
        }
    }

    /** This run's entries: warm figures, first figures under their prefix, and the warm-up they show. */
    private Map<String, Long> thisRun() {
        Map<String, Long> entries = new TreeMap<>(measured);
        entries.putAll(warm);
        first.forEach((unit, millis) -> entries.put(WarmFigures.COLD_PREFIX + unit, millis));
        WarmFigures.warmUp(earlier, first, warm, tests).ifPresent(millis -> entries.put(WarmFigures.WARM_UP, millis));
        return entries;
    }

    private static void warnNotOurs(String key, Path file, String why) {
        LOGGER.warning(() -> ("junit-xdist runs without duration history: %s names %s, which is not a junit-xdist"
                        + " duration history (%s); the file is left as it is")
                .formatted(key, file, why));
    }
}
