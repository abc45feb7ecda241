package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.RemoteThrowable.Snapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
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
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Throwables {

    private Throwables() {}

    /** Captures a throwable for sending to another JVM; never throws. */
    public static RemoteThrowable capture(Throwable throwable) {
        return new RemoteThrowable(JavaSerialization.serialize(throwable), snapshot(throwable), null);
    }

    /** Wraps a throwable that stays in this JVM; {@link #restore} returns it as it is. */
    public static RemoteThrowable local(Throwable throwable) {
        return new RemoteThrowable(new byte[0], snapshot(throwable), throwable);
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

    private static Snapshot snapshot(Throwable throwable) {
        return snapshot(throwable, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Snapshot snapshot(Throwable t, Set<Throwable> seen) {
        seen.add(t);
        Throwable cause = t.getCause();
        List<Snapshot> suppressed = new ArrayList<>();
        for (Throwable each : t.getSuppressed()) {
            if (!seen.contains(each)) {
                suppressed.add(snapshot(each, seen));
            }
        }
        String expected = null;
        String actual = null;
        if (t instanceof AssertionFailedError failure) {
            expected = failure.isExpectedDefined() ? failure.getExpected().getStringRepresentation() : null;
            actual = failure.isActualDefined() ? failure.getActual().getStringRepresentation() : null;
        }
        return new Snapshot(
                t.getClass().getName(),
                safeMessage(t),
                t instanceof AssertionError,
                List.of(t.getStackTrace()),
                cause == null || seen.contains(cause) ? null : snapshot(cause, seen),
                suppressed,
                expected,
                actual);
    }

    private static @Nullable String safeMessage(Throwable t) {
        try {
            return t.getMessage();
        } catch (RuntimeException e) {
            return "<getMessage() threw " + e + ">";
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
            rebuilt.initCause(rebuild(s.cause()));
        }
        s.suppressed().forEach(each -> rebuilt.addSuppressed(rebuild(each)));
        return rebuilt;
    }
}
