package io.github.junitxdist.execution;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.JavaSerialization;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.Throwables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Relays the events of one unit's run to the launcher's listener, and reports, at the end, whatever the worker did not.
 *
 * <p>Output is held back until the worker's next event and then written together with it, with no other worker's
 * output or events in between: reporters that give output to the next test that finishes (Surefire does, for all the
 * tests of one JVM) then give each test its own output. Up to {@value #PENDING_OUTPUT_LIMIT} bytes are held; past that,
 * output is written at once.
 *
 * <p>Guards the listener contract: events for ids the parent does not know are dropped; a test is started at most
 * once and finished or skipped at most once, finished only after it started. Confined to one thread at a time (the
 * thread relaying the unit's worker), so its state needs no locking.
 */
final class UnitRelay {

    private final TestDescriptor unitRoot;
    private final Map<String, TestDescriptor> index;
    private final RelayListener listener;
    private final Set<String> started = new HashSet<>();
    private final Set<String> ended = new HashSet<>();
    private final List<Output> pendingOutput = new ArrayList<>();
    private long pendingBytes;

    UnitRelay(TestDescriptor unitRoot, Map<String, TestDescriptor> index, RelayListener listener) {
        this.unitRoot = unitRoot;
        this.index = index;
        this.listener = listener;
    }

    TestDescriptor unitRoot() {
        return unitRoot;
    }

    /** How much output is held back at most, in bytes. */
    static final long PENDING_OUTPUT_LIMIT = 16L * 1024 * 1024;

    void handle(Message message) {
        if (message instanceof Output output) {
            pendingOutput.add(output);
            pendingBytes += output.bytes().length;
            if (pendingBytes > PENDING_OUTPUT_LIMIT) {
                listener.atomically(this::writePendingOutput);
            }
        } else {
            listener.atomically(() -> {
                writePendingOutput();
                relay(message);
            });
        }
    }

    private void writePendingOutput() {
        pendingOutput.forEach(output -> listener.output(output.stderr(), output.bytes()));
        pendingOutput.clear();
        pendingBytes = 0;
    }

    private void relay(Message message) {
        if (message instanceof Started m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null && !ended.contains(m.uniqueId()) && started.add(m.uniqueId())) {
                listener.executionStarted(d);
            }
        } else if (message instanceof Finished m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null && started.contains(m.uniqueId()) && ended.add(m.uniqueId())) {
                listener.executionFinished(d, result(m.status(), m.throwable()));
            }
        } else if (message instanceof Skipped m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null && !started.contains(m.uniqueId()) && ended.add(m.uniqueId())) {
                listener.executionSkipped(d, m.reason());
            }
        } else if (message instanceof DynamicTestRegistered m) {
            registerDynamic(m);
        } else if (message instanceof ReportEntry m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                listener.reportingEntryPublished(d, org.junit.platform.engine.reporting.ReportEntry.from(m.keyValuePairs()));
            }
        } else if (message instanceof FileEntry m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                listener.fileEntryPublished(
                        d, org.junit.platform.engine.reporting.FileEntry.from(Path.of(m.path()), m.mediaType()));
            }
        }
    }

    /**
     * Ends the unit: with an engine failure, everything not reported fails with it (and when everything was reported,
     * the engine root fails with it at the end of the run, as it would in Jupiter); otherwise anything the worker left
     * unreported fails with a note saying so.
     */
    void finish(@Nullable RemoteThrowable engineFailure, String workerName) {
        if (engineFailure != null) {
            Throwable failure = Throwables.restore(engineFailure);
            if (!failUnreported(failure)) {
                listener.engineFailed(failure);
            }
        } else if (!ended.contains(unitRoot.getUniqueId().toString())) {
            failUnreported(new IllegalStateException(
                    "junit-xdist: worker " + workerName + " finished this unit without reporting this test"));
        }
    }

    /**
     * Reports every test and container of the unit that has not ended yet as failed with the given cause.
     *
     * @return whether anything was left to report
     */
    boolean failUnreported(Throwable cause) {
        if (ended.contains(unitRoot.getUniqueId().toString())) {
            return false;
        }
        listener.atomically(() -> {
            writePendingOutput();
            fail(unitRoot, TestExecutionResult.failed(cause));
        });
        return true;
    }

    private void fail(TestDescriptor descriptor, TestExecutionResult result) {
        String id = descriptor.getUniqueId().toString();
        if (ended.contains(id)) {
            return;
        }
        if (started.add(id)) {
            listener.executionStarted(descriptor);
        }
        for (TestDescriptor child : new ArrayList<>(descriptor.getChildren())) {
            fail(child, result);
        }
        ended.add(id);
        listener.executionFinished(descriptor, result);
    }

    private void registerDynamic(DynamicTestRegistered message) {
        TestIdentifier identifier;
        try {
            identifier = (TestIdentifier) JavaSerialization.deserialize(message.testIdentifier());
        } catch (Exception e) {
            return;
        }
        TestDescriptor parent = identifier.getParentId().map(index::get).orElse(null);
        if (parent == null || index.containsKey(identifier.getUniqueId())) {
            return;
        }
        var descriptor = new RemoteDescriptor(identifier);
        parent.addChild(descriptor);
        index.put(identifier.getUniqueId(), descriptor);
        listener.dynamicTestRegistered(descriptor);
    }

    private static TestExecutionResult result(String status, @Nullable RemoteThrowable remote) {
        Throwable throwable = remote == null ? null : Throwables.restore(remote);
        return switch (TestExecutionResult.Status.valueOf(status)) {
            case SUCCESSFUL -> TestExecutionResult.successful();
            case ABORTED -> TestExecutionResult.aborted(throwable);
            case FAILED -> TestExecutionResult.failed(throwable);
        };
    }
}
