package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A throwable on its way from a worker to the parent: its Java-serialized form when it could be serialized, and always
 * a structural snapshot to rebuild it from when it cannot be deserialized on the other side.
 *
 * @param serialized the serialized throwable, empty when serialization failed
 * @param local the throwable itself when it never leaves its JVM (tests run in the calling JVM); never sent
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record RemoteThrowable(
        byte[] serialized, Snapshot snapshot, @Nullable Throwable local) {

    /**
     * What a throwable looks like, independent of its class being loadable.
     *
     * @param expected the string form of an opentest4j {@code AssertionFailedError}'s expected value, if it has one
     * @param actual the string form of its actual value, if it has one
     */
    public record Snapshot(
            String className,
            @Nullable String message,
            boolean assertionError,
            List<StackTraceElement> stackTrace,
            @Nullable Snapshot cause,
            List<Snapshot> suppressed,
            @Nullable String expected,
            @Nullable String actual) {}
}
