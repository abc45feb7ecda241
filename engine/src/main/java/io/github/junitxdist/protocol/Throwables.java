package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.RemoteThrowable.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;

/**
 * Carries throwables across the process boundary: {@link #capture} in the worker, {@link #restore} in the parent.
 *
 * <p>{@code restore} returns the original throwable when its serialized form can be read back (see
 * {@link JavaSerialization}); otherwise it rebuilds one from the snapshot that keeps the
 * original class name, message, stack trace, causes and suppressed throwables, and stays an {@link AssertionError}
 * where the original was one.
 *
 * <p>Stateless and thread-safe; the bookkeeping of one capture lives in an object of that call alone.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Throwables {

    private Throwables() {}

    /**
     * How deep a snapshot nests: causes and suppressed throwables count one level each. A longer cause chain is cut
     * there, and the cut says so (see {@link Snapshots#cutNote}); the protocol carries up to 64 levels.
     */
    static final int MAX_DEPTH = 48;

    /** How many throwables one snapshot holds at most, causes and suppressed ones together. */
    static final int MAX_THROWABLES = 128;

    /** How many characters of messages one snapshot keeps in all; the rest of a longer message is cut and said so. */
    static final int MAX_TEXT_CHARS = 8 * 1024 * 1024;

    /** How many stack frames one snapshot keeps in all; a throwable past that keeps at least its top frames. */
    static final int MAX_FRAMES = 64 * 1024;

    private static final int CUT_NOTE_CHARS = 1024;

    private static final int CUT_NOTE_FRAMES = 16;

    /** Serialized forms larger than this travel as the snapshot only. */
    static final int MAX_SERIALIZED_BYTES = 32 * 1024 * 1024;

    /**
     * Captures a throwable for sending to another JVM; never throws, whatever the throwable's shape (cause chains of
     * any length, cycles, methods that throw). A throwable whose snapshot had to be cut travels as the snapshot alone:
     * its serialized form could not be read back within the deserialization limits anyway.
     */
    public static RemoteThrowable capture(Throwable throwable) {
        Snapshots snapshots = new Snapshots();
        Snapshot snapshot = snapshots.of(throwable);
        byte[] serialized = snapshots.cut ? new byte[0] : JavaSerialization.serialize(throwable);
        if (serialized.length > MAX_SERIALIZED_BYTES) {
            serialized = new byte[0];
        }
        return new RemoteThrowable(serialized, snapshot, null);
    }

    /** Wraps a throwable that stays in this JVM; {@link #restore} returns it as it is. */
    public static RemoteThrowable local(Throwable throwable) {
        return new RemoteThrowable(new byte[0], new Snapshots().of(throwable), throwable);
    }

    /** Rebuilds a captured throwable in this JVM. */
    public static Throwable restore(RemoteThrowable remote) {
        if (remote.local() != null) {
            return remote.local();
        }
        if (remote.serialized().length > 0) {
            try {
                Object object = JavaSerialization.deserialize(remote.serialized());
                if (object instanceof Throwable throwable) {
                    return throwable;
                }
            } catch (Exception | LinkageError e) {
                // fall through to the snapshot: the class may exist only in the worker
            }
        }
        return rebuild(remote.snapshot());
    }

    /**
     * Builds the snapshots of one throwable's tree within {@link #MAX_DEPTH} and {@link #MAX_THROWABLES}. A cause chain
     * is walked in a loop, so its length costs no stack; recursion goes only into suppressed throwables, at most
     * {@code MAX_DEPTH} deep.
     */
    private static final class Snapshots {

        private final Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        private int count;
        private int textLeft = MAX_TEXT_CHARS;
        private int framesLeft = MAX_FRAMES;
        /** Whether anything was left out. */
        boolean cut;

        Snapshot of(Throwable throwable) {
            return chain(throwable, 0);
        }

        /**
         * The snapshot of {@code first} and its causes; {@code depth} is the nesting level of {@code first}, which the
         * caller has checked is unseen and within the depth and count limits.
         */
        private Snapshot chain(Throwable first, int depth) {
            // Outermost first, so that the budgets go to what a reader sees first; the records nest the other way.
            List<Snapshot> parts = new ArrayList<>();
            Throwable next = first;
            while (next != null && !seen.contains(next) && depth + parts.size() < MAX_DEPTH && count < MAX_THROWABLES) {
                seen.add(next);
                count++;
                parts.add(single(next, depth + parts.size()));
                next = cause(next);
            }
            Snapshot cause = next == null || seen.contains(next) ? null : cutNote(next);
            if (cause != null) {
                cut = true;
            }
            for (int i = parts.size() - 1; i >= 0; i--) {
                Snapshot s = parts.get(i);
                cause = new Snapshot(
                        s.className(),
                        s.message(),
                        s.assertionError(),
                        s.stackTrace(),
                        cause,
                        s.suppressed(),
                        s.expected(),
                        s.actual());
            }
            return Objects.requireNonNull(cause, "the first throwable of a chain is always kept");
        }

        /** The snapshot of one throwable and its suppressed ones, without its cause. */
        private Snapshot single(Throwable t, int depth) {
            String message = message(t);
            List<StackTraceElement> frames = frames(t);
            List<Snapshot> suppressed = new ArrayList<>();
            for (Throwable each : suppressed(t)) {
                if (seen.contains(each)) {
                    continue;
                }
                if (depth + 1 >= MAX_DEPTH || count >= MAX_THROWABLES) {
                    suppressed.add(cutNote(each));
                    cut = true;
                    break;
                }
                suppressed.add(chain(each, depth + 1));
            }
            String expected = null;
            String actual = null;
            if (t instanceof AssertionFailedError failure) {
                expected = valueText(failure.isExpectedDefined() ? failure.getExpected() : null);
                actual = valueText(failure.isActualDefined() ? failure.getActual() : null);
            }
            return new Snapshot(
                    t.getClass().getName(),
                    message,
                    t instanceof AssertionError,
                    frames,
                    null,
                    suppressed,
                    expected,
                    actual);
        }

        private @Nullable String message(Throwable t) {
            String message = safeMessage(t);
            if (message == null) {
                return null;
            }
            int kept = Math.min(message.length(), Math.max(textLeft, 256));
            textLeft = Math.max(0, textLeft - kept);
            if (kept == message.length()) {
                return message;
            }
            cut = true;
            return message.substring(0, kept)
                    + "... [junit-xdist: %d more characters not shown]".formatted(message.length() - kept);
        }

        private List<StackTraceElement> frames(Throwable t) {
            StackTraceElement[] frames = stackTrace(t);
            int kept = Math.min(frames.length, Math.max(framesLeft, 16));
            framesLeft = Math.max(0, framesLeft - kept);
            if (kept < frames.length) {
                cut = true;
            }
            return List.of(frames).subList(0, kept);
        }

        /**
         * Stands in for the part of a throwable tree that was left out: the class and message of its first throwable,
         * with a note of how many causes were left out in all.
         */
        private static Snapshot cutNote(Throwable first) {
            int left = 0;
            Set<Throwable> counted = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Throwable t = first; t != null && counted.add(t); t = cause(t)) {
                left++;
            }
            String text = safeMessage(first);
            String message = "[junit-xdist: cut here, %d more throwable(s) in this cause chain not shown] %s"
                    .formatted(
                            left,
                            text == null || text.length() <= CUT_NOTE_CHARS ? text : text.substring(0, CUT_NOTE_CHARS));
            StackTraceElement[] frames = stackTrace(first);
            return new Snapshot(
                    first.getClass().getName(),
                    message,
                    first instanceof AssertionError,
                    List.of(frames).subList(0, Math.min(frames.length, CUT_NOTE_FRAMES)),
                    null,
                    List.of(),
                    null,
                    null);
        }
    }

    private static @Nullable Throwable cause(Throwable t) {
        try {
            return t.getCause();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return null;
        }
    }

    private static Throwable[] suppressed(Throwable t) {
        try {
            return t.getSuppressed();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return new Throwable[0];
        }
    }

    private static StackTraceElement[] stackTrace(Throwable t) {
        try {
            return t.getStackTrace();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return new StackTraceElement[0];
        }
    }

    private static @Nullable String valueText(org.opentest4j.@Nullable ValueWrapper value) {
        try {
            return value == null ? null : value.getStringRepresentation();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "<value could not be shown: " + e.getClass().getName() + ">";
        }
    }

    private static @Nullable String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return "<getMessage() threw " + e.getClass().getName() + ">";
        }
    }

    private static Throwable rebuild(Snapshot s) {
        Throwable rebuilt;
        if (s.className().equals(AssertionFailedError.class.getName())) {
            rebuilt = s.expected() != null || s.actual() != null
                    ? new AssertionFailedError(s.message(), s.expected(), s.actual())
                    : new AssertionFailedError(s.message());
        } else if (s.assertionError()) {
            rebuilt = new WorkerAssertionError(s.className(), s.message());
        } else {
            rebuilt = new WorkerException(s.className(), s.message());
        }
        rebuilt.setStackTrace(s.stackTrace().toArray(StackTraceElement[]::new));
        if (s.cause() != null) {
            try {
                rebuilt.initCause(rebuild(s.cause()));
            } catch (IllegalStateException e) {
                // a cause set by the constructor stays
            }
        }
        s.suppressed().forEach(each -> rebuilt.addSuppressed(rebuild(each)));
        return rebuilt;
    }
}
