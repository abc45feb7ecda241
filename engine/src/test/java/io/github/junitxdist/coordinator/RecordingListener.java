package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Records what the launcher would be told, as lines such as {@code "finished t2 FAILED <message>"}, and checks the
 * listener contract on every call: each node starts, finishes and is skipped at most once, never both skipped and
 * started; a node starts or is skipped only inside a started, unfinished parent (or right below the engine root); a
 * node finishes only after it started and after all its started children finished.
 *
 * <p>Not thread-safe; the fake workers call it from one thread.
 */
final class RecordingListener implements EngineExecutionListener {

    final List<String> events = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> starts = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    private final Set<String> skipped = new HashSet<>();

    @Override
    public void executionStarted(TestDescriptor descriptor) {
        events.add("started " + name(descriptor));
        String id = id(descriptor);
        if (starts.merge(id, 1, Integer::sum) > 1) {
            violations.add("started twice: " + id);
        }
        if (skipped.contains(id)) {
            violations.add("started after it was skipped: " + id);
        }
        checkParentOpen(descriptor, "started");
    }

    @Override
    public void executionSkipped(TestDescriptor descriptor, String reason) {
        events.add("skipped " + name(descriptor) + " " + reason);
        String id = id(descriptor);
        if (!skipped.add(id) || starts.containsKey(id)) {
            violations.add("skipped twice or after it started: " + id);
        }
        checkParentOpen(descriptor, "skipped");
    }

    @Override
    public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
        events.add(("finished " + name(descriptor) + " " + result.getStatus() + " "
                        + result.getThrowable().map(Throwable::getMessage).orElse(""))
                .strip());
        String id = id(descriptor);
        if (!starts.containsKey(id)) {
            violations.add("finished without a start: " + id);
        }
        if (!finished.add(id)) {
            violations.add("finished twice: " + id);
        }
        for (TestDescriptor child : descriptor.getChildren()) {
            if (starts.containsKey(id(child)) && !finished.contains(id(child))) {
                violations.add("finished before its child " + id(child) + ": " + id);
            }
        }
    }

    @Override
    public void dynamicTestRegistered(TestDescriptor descriptor) {
        events.add("registered " + name(descriptor));
        checkParentOpen(descriptor, "registered");
    }

    /** Fails unless the contract held throughout and every node that started also finished. */
    void assertContractKept() {
        starts.keySet().stream()
                .filter(id -> !finished.contains(id))
                .forEach(id -> violations.add("started but never finished: " + id));
        assertThat(violations).as("listener contract violations").isEmpty();
    }

    private void checkParentOpen(TestDescriptor descriptor, String what) {
        TestDescriptor parent = descriptor.getParent().orElseThrow();
        if (parent.getParent().isPresent() && (!starts.containsKey(id(parent)) || finished.contains(id(parent)))) {
            violations.add(what + " outside an open parent: " + id(descriptor));
        }
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }

    private static String name(TestDescriptor descriptor) {
        return descriptor.getDisplayName();
    }
}
