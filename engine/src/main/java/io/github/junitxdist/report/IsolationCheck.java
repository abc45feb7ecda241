package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * What running one failed test again after the run found ({@code xdist.isolate=failures}): whether it fails alone too,
 * and for one that passes alone, the smallest prefix of its worker's order found to make it fail again.
 *
 * <p>Example: gw0 ran A, B, C and then D, whose test T failed. T alone passes (run 1); after A, B, C it fails (run 2);
 * after A, B it fails (run 3); after A it fails too (run 4): {@code failingPrefix} 1, {@code passingPrefix} 0, so A is
 * the polluter. Had the bound stopped the bisection after run 3, the polluter would be one of A and B.
 *
 * @param test the failed test's (or container's) unique id
 * @param name a short name for people: its unit's name and its display name
 * @param worker the worker it failed on; null when its unit never started
 * @param verdict what the check found
 * @param before the unique ids of the units its worker ran before its unit, in that order
 * @param beforeNames the same units by their short names
 * @param failingPrefix how many units of {@code before} the shortest prefix found to make it fail again holds; -1 when
 *     none did, or none was tried
 * @param passingPrefix how many units of {@code before} the longest prefix found not to make it fail holds (0: alone)
 * @param runs how many worker JVMs the check of this test ran
 * @param maxRuns the most it could run ({@code xdist.isolate.maxRuns})
 * @param note why it was not checked, for {@link Verdict#NOT_CHECKED}; why the bisection stopped before the bound
 *     (a cancelled run) for {@link Verdict#PASSES_ALONE}; else empty
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record IsolationCheck(
        String test,
        String name,
        @Nullable String worker,
        Verdict verdict,
        List<String> before,
        List<String> beforeNames,
        int failingPrefix,
        int passingPrefix,
        int runs,
        int maxRuns,
        String note) {

    /** How many suspects the text names before it says how many more there are. */
    private static final int NAMED = 5;

    /** What the check found. */
    public enum Verdict {
        /** Run alone on a fresh worker, it failed again. */
        FAILS_ALONE("fails alone"),
        /** Run alone on a fresh worker, it passed. */
        PASSES_ALONE("passes alone"),
        /** It was not run again (the run was cancelled, or it did not run alone). */
        NOT_CHECKED("not checked");

        private final String key;

        Verdict(String key) {
            this.key = key;
        }

        /** The name in the report files: {@code fails alone}, {@code passes alone}, {@code not checked}. */
        public String key() {
            return key;
        }
    }

    public IsolationCheck {
        before = List.copyOf(before);
        beforeNames = List.copyOf(beforeNames);
    }

    /** Whether the bisection found the one unit whose addition makes the test fail. */
    public boolean polluterFound() {
        return failingPrefix > 0 && failingPrefix - passingPrefix == 1;
    }

    /** The units the polluter is among: those between the longest passing and the shortest failing prefix. */
    public List<String> suspects() {
        return failingPrefix < 0 ? List.of() : before.subList(passingPrefix, failingPrefix);
    }

    /** What the check found, in words: {@code fails alone too}, or {@code passes alone: depends on ...}. */
    public String describe() {
        return switch (verdict) {
            case FAILS_ALONE -> "fails alone too";
            case NOT_CHECKED -> "not checked: " + note;
            case PASSES_ALONE -> passesAlone();
        };
    }

    /** The names of the shortest failing prefix, its first and last two only when it is long. */
    private String prefixNames() {
        List<String> prefix = beforeNames.subList(0, failingPrefix);
        if (prefix.size() <= NAMED) {
            return String.join(", ", prefix);
        }
        return "%s, %s, ... %d more ..., %s, %s"
                .formatted(
                        prefix.get(0),
                        prefix.get(1),
                        prefix.size() - 4,
                        prefix.get(prefix.size() - 2),
                        prefix.get(prefix.size() - 1));
    }

    private String passesAlone() {
        String units = Summary.count(before.size(), "unit");
        if (worker == null) {
            return "passes alone";
        }
        if (failingPrefix > 0) {
            String found =
                    ("passes alone: depends on what ran before it on %s; fails again after the first %d of the %s"
                                    + " %s ran before it (%s)")
                            .formatted(worker, failingPrefix, units, worker, prefixNames());
            if (polluterFound()) {
                return found + ", so the polluter is " + beforeNames.get(failingPrefix - 1);
            }
            List<String> suspects = beforeNames.subList(passingPrefix, failingPrefix);
            String named = String.join(", ", suspects.subList(0, Math.min(NAMED, suspects.size())))
                    + (suspects.size() > NAMED ? " and %d more".formatted(suspects.size() - NAMED) : "");
            String why = note.isEmpty() ? "xdist.isolate.maxRuns=" + maxRuns + " reached" : note;
            return found + "; the polluter is one of " + named + " (" + why + ")";
        }
        if (before.isEmpty()) {
            return "passes alone; it ran first on %s, so what makes it fail lies within its own unit, or in timing"
                    .formatted(worker);
        }
        if (runs < 2) {
            return "passes alone; xdist.isolate.maxRuns=%d left no run to try the %s %s ran before it"
                    .formatted(maxRuns, units, worker);
        }
        return ("passes alone, and after the %s %s ran before it too: not reproduced by that order (what makes it"
                        + " fail lies within its own unit, or in timing)")
                .formatted(units, worker);
    }
}
