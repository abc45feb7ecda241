package io.github.junitxdist.history;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.apiguardian.api.API;

/**
 * What whole runs of a suite took, as the history last measured them: in the calling JVM and on workers, each with its
 * number of classes, and how busy the forked run kept the machine's processors. Where the estimates say
 * workers pay off, these measurements overrule them: a suite measured faster in the calling
 * JVM than on workers stays there, and a forked run that kept every processor busy (the suite is bound by the
 * processors, so workers only multiply what it costs to start) is followed by one run in the calling JVM, to measure
 * that. Pure.
 *
 * <p>Example: a Spring suite of 13 classes took 31 s on 2 workers with the processors 97 % busy; with no measurement in
 * the calling JVM, the next run measures it there (16 s); from then on it stays there while 16 s beats 31 s.
 *
 * @param callingJvmMillis wall time of the latest run in the calling JVM, if any
 * @param callingJvmClasses how many classes that run had
 * @param forkedMillis wall time of the latest run on workers, if any
 * @param forkedClasses how many classes that run had
 * @param forkedBusyThousandths how busy the machine's processors were during it, in thousandths
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record RunWalls(
        OptionalLong callingJvmMillis,
        long callingJvmClasses,
        OptionalLong forkedMillis,
        long forkedClasses,
        long forkedBusyThousandths) {

    /** No run measured. */
    public static final RunWalls NONE = new RunWalls(OptionalLong.empty(), 0, OptionalLong.empty(), 0, 0);

    /** A forked run this busy (thousandths of all processors) was bound by them. */
    static final long SATURATED = 900;

    /**
     * Why {@code classes} classes that the estimates would run on workers should run in the calling JVM instead, when
     * runs of about the same size (within a tenth) were measured; empty when the estimates stand.
     */
    public Optional<String> callingJvmInstead(long classes) {
        if (forkedMillis.isEmpty() || !similar(forkedClasses, classes)) {
            return Optional.empty();
        }
        long forked = forkedMillis.getAsLong();
        if (callingJvmMillis.isPresent() && similar(callingJvmClasses, classes)) {
            long calling = callingJvmMillis.getAsLong();
            return calling <= forked
                    ? Optional.of("junit-xdist: %d classes took %s in this JVM and %s on workers when last measured,"
                                    .formatted(classes, seconds(calling), seconds(forked))
                            + " running them in this JVM")
                    : Optional.empty();
        }
        if (forkedBusyThousandths >= SATURATED) {
            return Optional.of(("junit-xdist: %d classes took %s on workers with the processors %d %% busy, so workers"
                            + " only add to what the processors must do; running them in this JVM once to compare")
                    .formatted(classes, seconds(forked), forkedBusyThousandths / 10));
        }
        return Optional.empty();
    }

    private static boolean similar(long measured, long classes) {
        return measured > 0 && Math.abs(measured - classes) * 10 <= Math.max(measured, classes);
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
