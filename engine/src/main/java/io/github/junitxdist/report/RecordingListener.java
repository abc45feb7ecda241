package io.github.junitxdist.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.report.RunReport.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The launcher's listener, with every end of a test (and every failure of a container) also counted in the
 * {@link RunRecord} for the unit it belongs to: the report then says what the launcher was told, not what workers
 * claimed. Passes every call on unchanged, first.
 *
 * <p>As thread-safe as its delegate: junit-xdist calls it under the relay's lock, never two calls at once.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class RecordingListener implements EngineExecutionListener {

    private final EngineExecutionListener delegate;
    private final RunRecord record;

    public RecordingListener(EngineExecutionListener delegate, RunRecord record) {
        this.delegate = delegate;
        this.record = record;
    }

    @Override
    public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
        delegate.executionFinished(descriptor, result);
        Outcome outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> Outcome.PASSED;
            case ABORTED -> Outcome.ABORTED;
            case FAILED -> Outcome.FAILED;
        };
        if (descriptor.isTest()) {
            count(descriptor, outcome, 1);
        } else if (outcome == Outcome.FAILED) {
            count(descriptor, outcome, 0);
        }
    }

    @Override
    public void executionSkipped(TestDescriptor descriptor, String reason) {
        delegate.executionSkipped(descriptor, reason);
        int tests = (int)
                (descriptor.isTest()
                        ? 1
                        : descriptor.getDescendants().stream()
                                .filter(TestDescriptor::isTest)
                                .count());
        count(descriptor, Outcome.SKIPPED, tests);
    }

    @Override
    public void dynamicTestRegistered(TestDescriptor descriptor) {
        delegate.dynamicTestRegistered(descriptor);
    }

    @Override
    public void executionStarted(TestDescriptor descriptor) {
        delegate.executionStarted(descriptor);
    }

    @Override
    public void reportingEntryPublished(TestDescriptor descriptor, ReportEntry entry) {
        delegate.reportingEntryPublished(descriptor, entry);
    }

    @Override
    public void fileEntryPublished(TestDescriptor descriptor, FileEntry file) {
        delegate.fileEntryPublished(descriptor, file);
    }

    private void count(TestDescriptor descriptor, Outcome outcome, int tests) {
        if (!record.begun()) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (TestDescriptor at = descriptor; at != null; at = at.getParent().orElse(null)) {
            ids.add(at.getUniqueId().toString());
        }
        record.unitOf(ids)
                .ifPresent(unit -> record.ended(unit, outcome, tests, ids.get(0), descriptor.getDisplayName()));
    }
}
