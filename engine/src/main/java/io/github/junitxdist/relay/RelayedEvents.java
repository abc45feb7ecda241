package io.github.junitxdist.relay;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.Exiting;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Message.ThreadDump;
import io.github.junitxdist.protocol.Message.UnitDone;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.Throwables;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Reports each event of one unit to the listener: one method per message a worker sends, so a new message does not
 * compile until it is said here what becomes of it. Events for ids the parent does not know are dropped; a test is
 * finished at most once, and only after it started; a container of the unit is let go of when its worker finishes it.
 *
 * <p>Called only under the {@link RelayListener}'s lock, by the {@link UnitRelay} that owns it.
 */
final class RelayedEvents implements Message.ToParent.Visitor<@Nullable Void> {

    private final ExecutionPlan.Scope scope;
    private final Map<String, TestDescriptor> index;
    /** The containers the unit has let go of. */
    private final Set<String> released;

    private final TreeState tree;
    private final ScopeWalk walk;
    private final RelayListener listener;

    RelayedEvents(
            ExecutionPlan.Scope scope,
            Map<String, TestDescriptor> index,
            Set<String> released,
            TreeState tree,
            ScopeWalk walk,
            RelayListener listener) {
        this.scope = scope;
        this.index = index;
        this.released = released;
        this.tree = tree;
        this.walk = walk;
        this.listener = listener;
    }

    @Override
    public @Nullable Void started(Started m) {
        TestDescriptor d = index.get(m.uniqueId());
        if (d != null) {
            tree.start(d);
        }
        return null;
    }

    @Override
    public @Nullable Void finished(Finished m) {
        TestDescriptor d = index.get(m.uniqueId());
        if (d != null && scope.containers().contains(m.uniqueId())) {
            tree.record(m.uniqueId(), result(d, m));
            if (released.add(m.uniqueId())) {
                tree.release(d);
            }
        } else if (d != null && tree.started.contains(m.uniqueId()) && tree.ended.add(m.uniqueId())) {
            listener.executionFinished(d, result(d, m));
        }
        return null;
    }

    @Override
    public @Nullable Void skipped(Skipped m) {
        TestDescriptor d = index.get(m.uniqueId());
        if (d != null) {
            walk.walk(d, walk.skipping(m.reason()));
        }
        return null;
    }

    @Override
    public @Nullable Void dynamicTestRegistered(DynamicTestRegistered m) {
        RemoteDescriptor.register(m, index).ifPresent(listener::dynamicTestRegistered);
        return null;
    }

    @Override
    public @Nullable Void reportEntry(ReportEntry m) {
        TestDescriptor d = index.get(m.uniqueId());
        if (d != null) {
            listener.reportingEntryPublished(
                    d, org.junit.platform.engine.reporting.ReportEntry.from(m.keyValuePairs()));
        }
        return null;
    }

    @Override
    public @Nullable Void fileEntry(FileEntry m) {
        TestDescriptor d = index.get(m.uniqueId());
        if (d != null) {
            listener.fileEntryPublished(
                    d, org.junit.platform.engine.reporting.FileEntry.from(Path.of(m.path()), m.mediaType()));
        }
        return null;
    }

    @Override
    public @Nullable Void output(Output m) {
        listener.output(m.stderr(), m.bytes());
        return null;
    }

    @Override
    public @Nullable Void unitDone(UnitDone m) {
        throw notAnEvent(m);
    }

    @Override
    public @Nullable Void threadDump(ThreadDump m) {
        throw notAnEvent(m);
    }

    @Override
    public @Nullable Void exiting(Exiting m) {
        throw notAnEvent(m);
    }

    private IllegalStateException notAnEvent(Message m) {
        return new IllegalStateException("junit-xdist: " + m + " is for the worker's handle, not a unit's relay");
    }

    /** The result a finish reports; a dynamic test whose descriptor could not be read back fails with the reason. */
    private static TestExecutionResult result(TestDescriptor descriptor, Finished finished) {
        Throwable unreadable = descriptor instanceof RemoteDescriptor dynamic ? dynamic.unreadable() : null;
        if (unreadable != null) {
            return TestExecutionResult.failed(unreadable);
        }
        RemoteThrowable remote = finished.throwable();
        Throwable throwable = remote == null ? null : Throwables.restore(remote);
        return switch (finished.status()) {
            case SUCCESSFUL -> TestExecutionResult.successful();
            case ABORTED -> TestExecutionResult.aborted(throwable);
            case FAILED -> TestExecutionResult.failed(throwable);
        };
    }
}
