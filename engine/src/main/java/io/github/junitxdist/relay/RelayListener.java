package io.github.junitxdist.relay;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The launcher's listener, as junit-xdist calls it: calls never overlap, and relayed test output is written under the
 * same lock, in order with the events of the worker that printed it and right before the finish that follows it in that
 * worker (see {@link UnitRelay}), so that no other test ends in between.
 *
 * <p>Each worker's events are relayed on that worker's own thread, the way Jupiter's parallel mode calls listeners from
 * its pool threads, so reporters that attribute output by thread see each test's events and output on one thread, and
 * reporters that give output to the next test that ends (Maven Surefire) see it end next. All events of one unit come
 * from one thread, in order.
 */
@API(status = INTERNAL, since = "0.1")
public final class RelayListener implements EngineExecutionListener {

    private final EngineExecutionListener delegate;
    private final boolean writesOutput;
    private final List<Throwable> engineFailures = new ArrayList<>();
    private int failedTests;

    public RelayListener(EngineExecutionListener delegate) {
        this(delegate, true);
    }

    private RelayListener(EngineExecutionListener delegate, boolean writesOutput) {
        this.delegate = delegate;
        this.writesOutput = writesOutput;
    }

    /** A listener for runs the launcher must not hear of (the isolation check's): tests' output is dropped. */
    public static RelayListener quiet(EngineExecutionListener delegate) {
        return new RelayListener(delegate, false);
    }

    /** Records a failure of a worker's engine that no test of a unit could carry; the engine root will fail with it. */
    synchronized void engineFailed(Throwable failure) {
        engineFailures.add(failure);
    }

    /** The recorded engine failures as one throwable (the first, with the others suppressed), if there were any. */
    public synchronized Optional<Throwable> engineFailure() {
        if (engineFailures.isEmpty()) {
            return Optional.empty();
        }
        Throwable first = engineFailures.get(0);
        engineFailures.subList(1, engineFailures.size()).forEach(first::addSuppressed);
        return Optional.of(first);
    }

    /** Runs the given calls of this listener with no other call in between. */
    synchronized void atomically(Runnable calls) {
        calls.run();
    }

    /** Writes a test's output to the current {@code System.out} or {@code System.err} of this JVM. */
    public synchronized void output(boolean stderr, byte[] bytes) {
        if (!writesOutput) {
            return;
        }
        PrintStream stream = stderr ? System.err : System.out;
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }

    @Override
    public synchronized void dynamicTestRegistered(TestDescriptor descriptor) {
        delegate.dynamicTestRegistered(descriptor);
    }

    @Override
    public synchronized void executionSkipped(TestDescriptor descriptor, String reason) {
        delegate.executionSkipped(descriptor, reason);
    }

    @Override
    public synchronized void executionStarted(TestDescriptor descriptor) {
        delegate.executionStarted(descriptor);
    }

    @Override
    public synchronized void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
        if (descriptor.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
            failedTests++;
        }
        delegate.executionFinished(descriptor, result);
    }

    /** How many tests have failed so far. */
    public synchronized int failedTests() {
        return failedTests;
    }

    @Override
    public synchronized void reportingEntryPublished(TestDescriptor descriptor, ReportEntry entry) {
        delegate.reportingEntryPublished(descriptor, entry);
    }

    @Override
    public synchronized void fileEntryPublished(TestDescriptor descriptor, FileEntry file) {
        delegate.fileEntryPublished(descriptor, file);
    }
}
