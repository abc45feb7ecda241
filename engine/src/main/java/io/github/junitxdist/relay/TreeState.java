package io.github.junitxdist.relay;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * What the launcher has been told about the run's tree, shared by the relays of all units: which nodes started and
 * ended, and, for each container, how many units still hold items below it.
 *
 * <p>A container ends when its last holder lets go: finished, with the first failure any worker reported for it, if it
 * started; skipped if it never did. A unit that lets go of a container no one started yet leaves the skipping of its
 * part below to whoever starts it. Example under {@code xdist.dist=load}: class A is cut into parts A1 and A2 on two
 * workers; A starts with A1's first event; when A1's worker finishes A, A stays open; when A2's does, A finishes.
 *
 * <p>Mutated only under the {@link RelayListener}'s lock; {@link #started} and {@link #ended} may be read anywhere.
 */
@API(status = INTERNAL, since = "0.1")
public final class TreeState {

    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> holders;
    private final Map<String, TestExecutionResult> results = new HashMap<>();
    private final Map<String, String> skipReasons = new HashMap<>();
    private final Map<String, List<Runnable>> onStart = new HashMap<>();
    private final RelayListener listener;

    public TreeState(Map<String, Integer> holders, RelayListener listener) {
        this.holders = new HashMap<>(holders);
        this.listener = listener;
    }

    /** Whether a node may start or be skipped: its parent is the engine root, or started and not ended. */
    boolean parentOpen(TestDescriptor descriptor) {
        TestDescriptor parent = descriptor.getParent().orElse(null);
        if (parent == null || parent.getParent().isEmpty()) {
            return true;
        }
        String id = parent.getUniqueId().toString();
        return started.contains(id) && !ended.contains(id);
    }

    /** Starts a node once, if its parent is open, and then runs what waited for that. */
    void start(TestDescriptor descriptor) {
        String id = descriptor.getUniqueId().toString();
        if (!ended.contains(id) && parentOpen(descriptor) && started.add(id)) {
            listener.executionStarted(descriptor);
            List<Runnable> waiting = onStart.remove(id);
            if (waiting != null) {
                waiting.forEach(Runnable::run);
            }
        }
    }

    /** Keeps a container's first result that is not a success. */
    void record(String containerId, TestExecutionResult result) {
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            results.putIfAbsent(containerId, result);
        }
    }

    /** Runs {@code skipBelow} when the container starts; skips the container if it ends without starting. */
    void skipWhenStarted(String containerId, String reason, Runnable skipBelow) {
        skipReasons.putIfAbsent(containerId, reason);
        onStart.computeIfAbsent(containerId, id -> new ArrayList<>()).add(skipBelow);
    }

    /** One holder lets go of a container; the last one ends it. */
    void release(TestDescriptor container) {
        String id = container.getUniqueId().toString();
        int left = holders.merge(id, -1, Integer::sum);
        if (left > 0 || ended.contains(id)) {
            return;
        }
        ended.add(id);
        onStart.remove(id);
        if (started.contains(id)) {
            listener.executionFinished(container, results.getOrDefault(id, TestExecutionResult.successful()));
            return;
        }
        String reason = skipReasons.getOrDefault(id, "not run");
        TestDescriptor parent = container.getParent().orElseThrow();
        if (parentOpen(container)) {
            listener.executionSkipped(container, reason);
        } else {
            // skipping the parent as a whole covers this one, unless another unit starts the parent
            skipWhenStarted(
                    parent.getUniqueId().toString(), reason, () -> listener.executionSkipped(container, reason));
        }
    }
}
