package io.github.junitxdist.history;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Merges the duration histories of several machines (the shards of a split suite, say) into one, keeping the newest
 * figure of every unit: {@code java -cp junit-xdist-engine.jar io.github.junitxdist.history.MergeHistories <output>
 * <input>...}.
 *
 * <p>Each entry of a history is stamped with the time the run that measured it saved it; of the inputs that have an
 * entry, the one with the latest stamp wins, an entry without a stamp (saved by an earlier version) losing to any
 * stamped one, and of equal stamps the input named last. The output may be one of the inputs. Every input must be a
 * readable junit-xdist duration history: one that is missing, corrupt or someone else's file is named on the standard
 * error stream with what is wrong, and nothing is written (exit status 1; 2 for a wrong command line).
 *
 * <p>Example: the cached history says A 5 s and B 3 s, saved on Monday; shard 1 measured A at 4 s on Tuesday and
 * carries B's 3 s from the cache, shard 2 measured B at 2 s on Tuesday and carries A's 5 s: the merge keeps A 4 s and B
 * 2 s, in whatever order the three are named.
 *
 * @since 0.1
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class MergeHistories {

    private static final String USAGE = "usage: java -cp junit-xdist-engine.jar " + MergeHistories.class.getName()
            + " <output> <input>...  (merges junit-xdist duration histories, the newest figure of each unit winning)";

    private MergeHistories() {}

    /** Merges the histories named after the output into the output; exits with a non-zero status on failure. */
    public static void main(String[] args) {
        int status = run(List.of(args), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** What {@link #main} does, with the exit status as the result: 0, 1 for a bad input or output, 2 for usage. */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() < 2) {
            err.println(USAGE);
            return 2;
        }
        Path output;
        List<Path> inputs = new ArrayList<>();
        try {
            output = Path.of(args.get(0));
            for (String input : args.subList(1, args.size())) {
                inputs.add(Path.of(input));
            }
        } catch (InvalidPathException e) {
            err.println("junit-xdist: not a file path: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        List<Map<String, Long>> histories = new ArrayList<>();
        for (Path input : inputs) {
            Optional<String> problem = readable(input);
            if (problem.isEmpty()) {
                try {
                    histories.add(HistoryFile.read(input));
                } catch (IOException | RuntimeException e) {
                    problem = Optional.of("it is corrupt: " + e.getMessage());
                }
            }
            if (problem.isPresent()) {
                err.println("junit-xdist: cannot merge %s, which is not a readable junit-xdist duration history (%s);"
                                .formatted(input, problem.get())
                        + " nothing was merged and %s was not written".formatted(output));
                return 1;
            }
        }
        Optional<String> notOurs = HistoryFile.notOurs(output);
        if (notOurs.isPresent()) {
            err.println("junit-xdist: will not write %s, which is not a junit-xdist duration history (%s); nothing was"
                            .formatted(output, notOurs.get())
                    + " merged");
            return 1;
        }
        Map<String, Long> merged = merge(histories);
        try {
            Path directory = output.toAbsolutePath().getParent();
            if (directory != null) {
                Files.createDirectories(directory);
            }
            HistoryFile.write(output, merged);
        } catch (IOException | RuntimeException e) {
            err.println("junit-xdist: could not write %s: %s".formatted(output, e));
            return 1;
        }
        int units = WarmFigures.costs(merged).size();
        out.println(
                "junit-xdist: merged %d duration histories into %s (%d units)".formatted(inputs.size(), output, units));
        return 0;
    }

    /**
     * The entries of the histories, each with its figure and stamp from the history that measured it last; of equal
     * stamps, the later history's.
     */
    static Map<String, Long> merge(List<Map<String, Long>> histories) {
        Map<String, Long> figures = new TreeMap<>();
        Map<String, Long> stamps = new TreeMap<>();
        for (Map<String, Long> history : histories) {
            history.forEach((entry, figure) -> {
                if (entry.startsWith(WarmFigures.STAMP_PREFIX)) {
                    return;
                }
                long stamp = history.getOrDefault(WarmFigures.STAMP_PREFIX + entry, -1L);
                if (stamp >= stamps.getOrDefault(entry, Long.MIN_VALUE)) {
                    figures.put(entry, figure);
                    stamps.put(entry, stamp);
                }
            });
        }
        Map<String, Long> merged = new TreeMap<>(figures);
        stamps.forEach((entry, stamp) -> {
            if (stamp >= 0) {
                merged.put(WarmFigures.STAMP_PREFIX + entry, stamp);
            }
        });
        return merged;
    }

    /** Why the input cannot be merged before it is read, if it cannot. */
    private static Optional<String> readable(Path input) {
        if (!Files.exists(input)) {
            return Optional.of("it does not exist");
        }
        return HistoryFile.notOurs(input);
    }
}
