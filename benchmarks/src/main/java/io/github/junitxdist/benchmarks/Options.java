package io.github.junitxdist.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's command-line arguments, parsed once.
 *
 * <ul>
 *   <li>{@code --quick}: suites scaled to a quarter of their duration, one repetition (a smoke test);
 *   <li>{@code --reps=N}: repetitions per contender (default 3, or 1 with {@code --quick}); the median is reported;
 *   <li>{@code --suites=S1,S3}: the suites to run (default all: S1, S2, S3, S4, S5, E1; the real project suite SB
 *       and the published suites L3 and C4 run only when named);
 *   <li>{@code --workers=N}: W for every suite (default 4 for S1 and S4, 2 for the others).
 * </ul>
 *
 * @param quick whether the suites are scaled down
 * @param repetitions timed runs per contender and suite
 * @param suites the ids of the suites to run, in order
 * @param workers W for every suite, or 0 for each suite's default
 * @param arguments the arguments as given, for the report
 */
record Options(boolean quick, int repetitions, List<String> suites, int workers, List<String> arguments) {

    static final List<String> ALL_SUITES = List.of("S1", "S2", "S3", "S4", "S5", "E1");

    /** Parses the arguments; an unknown or malformed one fails with a message that says what is allowed. */
    static Options parse(List<String> arguments) {
        boolean quick = arguments.contains("--quick");
        int repetitions = quick ? 1 : 3;
        List<String> suites = ALL_SUITES;
        int workers = 0;
        for (String argument : arguments) {
            if (argument.startsWith("--reps=")) {
                repetitions = positive(argument);
            } else if (argument.startsWith("--workers=")) {
                workers = positive(argument);
            } else if (argument.startsWith("--suites=")) {
                suites = suiteIds(argument);
            } else if (!argument.equals("--quick")) {
                throw usage("unknown argument '" + argument + "'");
            }
        }
        return new Options(quick, repetitions, suites, workers, List.copyOf(arguments));
    }

    /** The synthetic suites among {@link #suites()}, in order. */
    List<String> syntheticSuites() {
        return suites.stream().filter(ALL_SUITES::contains).toList();
    }

    /** The {@link PublishedSuite published suites} among {@link #suites()}, in order. */
    List<String> publishedSuites() {
        return suites.stream().filter(PublishedSuite.IDS::contains).toList();
    }

    /** The {@link ProjectSuite real project suites} among {@link #suites()}, in order. */
    List<String> projectSuites() {
        return suites.stream().filter(ProjectSuite.IDS::contains).toList();
    }

    /** How much of its nominal duration each timed suite takes: 1 for a full run, 1/4 with {@code --quick}. */
    double scale() {
        return quick ? 0.25 : 1.0;
    }

    private static int positive(String argument) {
        String value = argument.substring(argument.indexOf('=') + 1);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw usage("'" + argument + "' needs a positive integer");
    }

    private static List<String> suiteIds(String argument) {
        List<String> ids = new ArrayList<>();
        for (String id : argument.substring("--suites=".length()).split(",", -1)) {
            String normalized = id.trim().toUpperCase(Locale.ROOT);
            if (!ALL_SUITES.contains(normalized)
                    && !ProjectSuite.IDS.contains(normalized)
                    && !PublishedSuite.IDS.contains(normalized)) {
                throw usage("unknown suite '" + id + "' in '" + argument + "'");
            }
            ids.add(normalized);
        }
        return List.copyOf(ids);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "; allowed: --quick, --reps=N, --suites= with any of "
                + String.join(",", ALL_SUITES) + "," + String.join(",", ProjectSuite.IDS) + ","
                + String.join(",", PublishedSuite.IDS) + ", --workers=N");
    }
}
