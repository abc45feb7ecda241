package io.github.junitxdist.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.TestSources;
import io.github.junitxdist.protocol.Throwables;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
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
 * <p>A result is never lost on the way: should capturing or sending a finish fail, whatever the reason (an exception, a
 * {@link StackOverflowError}, an {@link OutOfMemoryError} while encoding), the test is reported failed with that
 * reason instead. Only the loss of the connection itself is left to the parent, which sees the worker gone. After a
 * failed test or container the calling thread waits at the {@link FailureGate} for the parent's verdict, so that a
 * cancellation caused by that failure reaches the next test before it starts, as it would in the calling JVM.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class EventForwarder implements TestExecutionListener {

    private final Consumer<? super Message.ToParent> sink;
    private final Function<Throwable, RemoteThrowable> throwables;
    private final FailureGate gate;
    private volatile @Nullable RemoteThrowable engineFailure;

    /**
     * @param throwables {@link Throwables#capture} when the events leave this JVM, {@link Throwables#local} otherwise
     */
    public EventForwarder(Consumer<? super Message.ToParent> sink, Function<Throwable, RemoteThrowable> throwables) {
        this(sink, throwables, FailureGate.NONE);
    }

    EventForwarder(
            Consumer<? super Message.ToParent> sink,
            Function<Throwable, RemoteThrowable> throwables,
            FailureGate gate) {
        this.sink = sink;
        this.throwables = throwables;
        this.gate = gate;
    }

    /** The failure of the worker's engine root in the last run, if it failed. */
    public @Nullable RemoteThrowable engineFailure() {
        return engineFailure;
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier id) {
        forward(() -> new DynamicTestRegistered(
                id.getUniqueId(),
                id.getParentId().orElse(""),
                id.getDisplayName(),
                id.getLegacyReportingName(),
                id.getType(),
                tagNames(id.getTags()),
                TestSources.capture(id.getSource().orElse(null))));
    }

    private static List<String> tagNames(Set<TestTag> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>(tags.size());
        tags.forEach(tag -> names.add(tag.getName()));
        return names;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (id.getParentId().isEmpty()) {
            engineFailure = null;
            return;
        }
        forward(() -> new Started(id.getUniqueId()));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        forward(() -> new Skipped(id.getUniqueId(), reason));
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.getParentId().isEmpty()) {
            engineFailure = engineFailure(result);
            return;
        }
        boolean failed = result.getStatus() == TestExecutionResult.Status.FAILED;
        try {
            RemoteThrowable throwable = result.getThrowable().map(throwables).orElse(null);
            var status = Message.Status.valueOf(result.getStatus().name());
            finished(new Finished(id.getUniqueId(), status, throwable), failed);
        } catch (UncheckedIOException connectionLost) {
            throw connectionLost;
        } catch (Throwable problem) { // whatever it is, the test must not vanish: report it failed with the reason
            RemoteThrowable reason = throwables.apply(new IllegalStateException(
                    "junit-xdist could not forward this test's result (%s) to the calling JVM: %s"
                            .formatted(result.getStatus(), describe(problem))));
            finished(new Finished(id.getUniqueId(), Message.Status.FAILED, reason), true);
        }
    }

    /** Sends a finish; after a failure, waits for the parent's verdict on it. */
    private void finished(Finished message, boolean failed) {
        if (failed) {
            gate.awaitVerdict(gate.sent(() -> sink.accept(message)));
        } else {
            sink.accept(message);
        }
    }

    private @Nullable RemoteThrowable engineFailure(TestExecutionResult result) {
        try {
            RemoteThrowable throwable = result.getThrowable().map(throwables).orElse(null);
            boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
            return !failed || throwable != null
                    ? throwable
                    : throwables.apply(new IllegalStateException("The worker's engine ended " + result.getStatus()));
        } catch (RuntimeException | Error problem) {
            return throwables.apply(new IllegalStateException(
                    "junit-xdist could not capture the failure of the worker's engine: " + describe(problem)));
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        forward(() -> new Message.ReportEntry(id.getUniqueId(), entry.getKeyValuePairs()));
    }

    @Override
    public void fileEntryPublished(TestIdentifier id, FileEntry file) {
        forward(() -> new Message.FileEntry(
                id.getUniqueId(), file.getPath().toString(), file.getMediaType().orElse(null)));
    }

    /**
     * Sends an event other than a finish. Should building or encoding it fail, it is left out: a start that never
     * arrives makes the parent fail the test at the end of its unit, and the other events carry no result.
     */
    private void forward(Supplier<Message.ToParent> message) {
        try {
            sink.accept(message.get());
        } catch (UncheckedIOException connectionLost) {
            throw connectionLost;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError problem) {
            // see above: nothing is lost that the parent does not account for
        }
    }

    private static String describe(Throwable problem) {
        try {
            return String.valueOf(problem);
        } catch (RuntimeException | Error e) {
            return problem.getClass().getName();
        }
    }
}
