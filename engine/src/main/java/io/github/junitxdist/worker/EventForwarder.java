package io.github.junitxdist.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.JavaSerialization;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.Throwables;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Turns the events of a unit's run into {@link Message}s.
 *
 * <p>The engine root's own start and finish are not forwarded (the parent owns its root); a failure of the root is kept
 * for {@link #engineFailure()}. Called on the threads the tests run on; the sink must be thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EventForwarder implements TestExecutionListener {

    private final Consumer<Message> sink;
    private final Function<Throwable, RemoteThrowable> throwables;
    private volatile @Nullable RemoteThrowable engineFailure;

    /**
     * @param throwables {@link Throwables#capture} when the events leave this JVM, {@link Throwables#local} otherwise
     */
    public EventForwarder(Consumer<Message> sink, Function<Throwable, RemoteThrowable> throwables) {
        this.sink = sink;
        this.throwables = throwables;
    }

    /** The failure of the worker's engine root in the last run, if it failed. */
    public @Nullable RemoteThrowable engineFailure() {
        return engineFailure;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        sink.accept(new DynamicTestRegistered(JavaSerialization.serialize(id)));
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getParentId().isEmpty()) {
            engineFailure = null;
            return;
        }
        sink.accept(new Started(id.getUniqueId()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        sink.accept(new Skipped(id.getUniqueId(), reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        RemoteThrowable throwable = result.getThrowable().map(throwables).orElse(null);
        if (id.getParentId().isEmpty()) {
            boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            engineFailure = !failed || throwable != null
                    ? throwable
                    : throwables.apply(new IllegalStateException("The worker's engine ended " + result.getStatus()));
            return;
        }
        sink.accept(new Finished(id.getUniqueId(), result.getStatus().name(), throwable));
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        sink.accept(new Message.ReportEntry(id.getUniqueId(), entry.getKeyValuePairs()));
    }

    @Override
    public void fileEntryPublished(TestIdentifier id, FileEntry file) {
        sink.accept(new Message.FileEntry(
                id.getUniqueId(), file.getPath().toString(), file.getMediaType().orElse(null)));
    }
}
