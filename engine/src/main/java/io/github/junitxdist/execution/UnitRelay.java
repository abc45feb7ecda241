package io.github.junitxdist.execution;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.Throwables;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * Relays the events of one unit to the launcher's listener, and reports, at the end, whatever the worker did not.
 *
 * <p>Guards the listener contract: events for ids the parent does not know are dropped; a node is started at most once
 * and finished or skipped at most once, finished only after it started. That also lets a unit resume on a fresh worker
 * after a crash: what was reported already is filtered out there, and repeated starts of its containers are dropped.
 *
 * <p>Output is held back until the worker's next event that ends a test or container (a finish or a skip), and then
 * written together with it, with no other worker's output or events in between. Maven Surefire (checked in 3.6.0: its
 * {@code TestSetRunListener} ignores the thread and the test id sent with each chunk of output) gives all the output it
 * has collected to the next test that ends, of whatever class, and what is left when a class ends to that class, which
 * its XML report does not show; so does plain Jupiter under Surefire, one test after another. Events the worker sends
 * while output is held (a start, a dynamic registration, a report entry) are held behind it, so that they keep their
 * order with the output, which reporters that attribute output by thread and start (the Launcher's own output capture)
 * rely on. Example: a class prints in its static initializer and in {@code @BeforeAll}, then its first test starts,
 * prints and finishes. The class's start is relayed at once; the class's output, the test's start, its output and its
 * finish are relayed together when the finish comes, so Surefire files both outputs under that first test, where plain
 * Jupiter puts them, even while another worker's tests end in between. Output after a class's last test
 * ({@code @AfterAll}) goes with the class's finish, as in plain Jupiter.
 *
 * <p>A unit's scope is its items (tests, templates, factories) and the containers above them. Containers may be shared
 * with other units (see {@link TreeState}): this relay starts them when its worker does, if no one did, and lets go of
 * them when its worker finishes them or when the unit ends.
 *
 * <p>Confined to one thread at a time (the thread relaying its worker), except {@link #innermostOpen()}, which the
 * coordinator reads to enforce timeouts.
 */
final class UnitRelay {

    /** A node the worker is running, innermost last; {@code since} is a {@link System#nanoTime()}. */
    record OpenNode(String uniqueId, long since) {}

    private final ExecutionPlan.Scope scope;
    private final List<TestDescriptor> tops;
    private final Set<String> items = new HashSet<>();
    private final Map<String, TestDescriptor> index;
    private final RelayListener listener;
    private final TreeState tree;
    /** The containers this unit has let go of. */
    private final Set<String> released = new HashSet<>();
    private final PendingOutput pendingOutput = new PendingOutput(this::relay);
    private final Deque<OpenNode> open = new ArrayDeque<>();
    private volatile @Nullable OpenNode innermostOpen;

    UnitRelay(ExecutionPlan.Scope scope, Map<String, TestDescriptor> index, RelayListener listener, TreeState tree) {
        this.scope = scope;
        this.index = index;
        this.listener = listener;
        this.tree = tree;
        scope.items().forEach(item -> items.add(id(item)));
        this.tops = scope.tops();
    }

    /** The node the worker is running right now, if any. */
    @Nullable OpenNode innermostOpen() {
        return innermostOpen;
    }

    void handle(Message message) {
        track(message);
        if (message instanceof Output || (!endsNode(message) && !pendingOutput.isEmpty())) {
            pendingOutput.add(message);
            return;
        }
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            relay(message);
        });
    }

    /**
     * Ends the unit after its worker said it is done: with an engine failure, everything not reported fails with it
     * (and when everything was reported, the engine root fails with it at the end of the run, as in Jupiter); otherwise
     * what the worker started but never finished fails ("result lost"), containers left open are let go of, and tests
     * never reported fail with a note saying so. Whatever went wrong on the way, no test that started ends unreported
     * or passes without the worker saying so.
     */
    void finish(@Nullable RemoteThrowable engineFailure, String workerName) {
        if (engineFailure != null) {
            Throwable failure = Throwables.restore(engineFailure);
            if (!failUnreported(failure)) {
                listener.engineFailed(failure);
            }
            return;
        }
        List<TestDescriptor> unfinished = open.stream().map(node -> index.get(node.uniqueId()))
                .filter(java.util.Objects::nonNull).toList();
        open.clear();
        innermostOpen = null;
        var resultLost = new IllegalStateException(("junit-xdist: result lost: worker %s finished its unit without "
                + "reporting the end of this test or container").formatted(workerName));
        var notReported = new IllegalStateException(
                "junit-xdist: worker " + workerName + " finished its unit without reporting this test");
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            unfinished.forEach(node -> fail(node, TestExecutionResult.failed(resultLost)));
            tops.forEach(top -> close(top, notReported));
        });
    }

    /**
     * Reports every node of the unit that has not ended yet as failed with the given cause.
     *
     * @return whether anything was left to report
     */
    boolean failUnreported(Throwable cause) {
        boolean[] left = {false};
        listener.atomically(() -> {
            left[0] = !released.containsAll(scope.containers())
                    || items.stream().anyMatch(item -> !endedOrBelowEnded(item));
            pendingOutput.writeTo(listener);
            tops.forEach(top -> fail(top, TestExecutionResult.failed(cause)));
        });
        return left[0];
    }

    /**
     * Reports what is left of the unit skipped: what did not start, with the containers that did finishing (shared
     * ones once their last unit is done).
     */
    void skip(String reason) {
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            tops.forEach(top -> skip(top, reason));
        });
    }

    private void skip(TestDescriptor descriptor, String reason) {
        String id = id(descriptor);
        if (scope.containers().contains(id)) {
            if (!released.add(id)) {
                return;
            }
            if (tree.started.contains(id)) {
                inScope(descriptor).forEach(child -> skip(child, reason));
            } else if (!tree.ended.contains(id)) {
                tree.skipWhenStarted(id, reason, () -> inScope(descriptor).forEach(child -> skip(child, reason)));
            }
            tree.release(descriptor);
            return;
        }
        if (tree.ended.contains(id)) {
            return;
        }
        if (!tree.started.contains(id)) {
            if (tree.parentOpen(descriptor)) {
                tree.ended.add(id);
                listener.executionSkipped(descriptor, reason);
            }
            return;
        }
        for (TestDescriptor child : new ArrayList<>(descriptor.getChildren())) {
            skip(child, reason);
        }
        tree.ended.add(id);
        listener.executionFinished(descriptor, TestExecutionResult.successful());
    }

    /**
     * Handles the loss of the unit's worker: fails what it was running with the given cause and tells whether the rest
     * of the unit can run on another worker. That is so when the worker was inside a test (or a test template or
     * factory, which fail as a whole): the rest can then not hit the same spot again. When it died in a class's own
     * lifecycle or between tests, the whole rest of the unit fails with the cause instead.
     */
    boolean workerLost(Throwable cause) {
        TestDescriptor running = null;
        for (var outermostFirst = open.descendingIterator(); outermostFirst.hasNext(); ) {
            TestDescriptor descriptor = index.get(outermostFirst.next().uniqueId());
            if (descriptor != null && !isPlainContainer(descriptor)) {
                running = descriptor;
                break;
            }
        }
        open.clear();
        innermostOpen = null;
        if (running == null) {
            failUnreported(cause);
            return false;
        }
        TestDescriptor failed = running;
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            fail(failed, TestExecutionResult.failed(cause));
        });
        return true;
    }

    /** The allowed ids of a rerun: those of the original request that neither ended nor lie below a node that did. */
    Set<String> remaining(Set<String> allowedIds) {
        return allowedIds.stream().filter(id -> !endedOrBelowEnded(id)).collect(Collectors.toSet());
    }

    private boolean endedOrBelowEnded(String id) {
        return ExecutionPlan.selfAndAncestors(id).stream().anyMatch(tree.ended::contains);
    }

    /** A finish or a skip: an event after which Surefire files the output it holds. */
    private static boolean endsNode(Message message) {
        return message instanceof Finished || message instanceof Skipped;
    }

    private void track(Message message) {
        if (message instanceof Started m) {
            open.push(new OpenNode(m.uniqueId(), System.nanoTime()));
        } else if (message instanceof Finished m) {
            open.removeIf(node -> node.uniqueId().equals(m.uniqueId()));
        } else {
            return;
        }
        innermostOpen = open.peek();
    }

    private void relay(Message message) {
        if (message instanceof Started m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                tree.start(d);
            }
        } else if (message instanceof Finished m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null && scope.containers().contains(m.uniqueId())) {
                tree.record(m.uniqueId(), result(m.status(), m.throwable()));
                if (released.add(m.uniqueId())) {
                    tree.release(d);
                }
            } else if (d != null && tree.started.contains(m.uniqueId()) && tree.ended.add(m.uniqueId())) {
                listener.executionFinished(d, result(m.status(), m.throwable()));
            }
        } else if (message instanceof Skipped m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                skip(d, m.reason());
            }
        } else if (message instanceof DynamicTestRegistered m) {
            RemoteDescriptor.register(m, index).ifPresent(listener::dynamicTestRegistered);
        } else if (message instanceof ReportEntry m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                listener.reportingEntryPublished(
                        d, org.junit.platform.engine.reporting.ReportEntry.from(m.keyValuePairs()));
            }
        } else if (message instanceof FileEntry m) {
            TestDescriptor d = index.get(m.uniqueId());
            if (d != null) {
                listener.fileEntryPublished(
                        d, org.junit.platform.engine.reporting.FileEntry.from(Path.of(m.path()), m.mediaType()));
            }
        }
    }

    private void fail(TestDescriptor descriptor, TestExecutionResult result) {
        String id = id(descriptor);
        boolean container = scope.containers().contains(id);
        if (tree.ended.contains(id) || (container && released.contains(id))) {
            return;
        }
        tree.start(descriptor);
        for (TestDescriptor child : container ? inScope(descriptor) : new ArrayList<>(descriptor.getChildren())) {
            fail(child, result);
        }
        if (container) {
            tree.record(id, result);
            released.add(id);
            tree.release(descriptor);
        } else if (tree.started.contains(id) && tree.ended.add(id)) {
            listener.executionFinished(descriptor, result);
        }
    }

    /** Lets go of open containers and fails what never started. */
    private void close(TestDescriptor descriptor, Throwable notReported) {
        String id = id(descriptor);
        boolean container = scope.containers().contains(id);
        if (tree.ended.contains(id) || (container && released.contains(id))) {
            return;
        }
        if (!container && !tree.started.contains(id)) {
            fail(descriptor, TestExecutionResult.failed(notReported));
            return;
        }
        tree.start(descriptor);
        for (TestDescriptor child : container ? inScope(descriptor) : new ArrayList<>(descriptor.getChildren())) {
            close(child, notReported);
        }
        if (container) {
            released.add(id);
            tree.release(descriptor);
        } else if (tree.ended.add(id)) {
            listener.executionFinished(descriptor, TestExecutionResult.successful());
        }
    }

    /** The children of a container of this unit that belong to the unit: its containers and items. */
    private List<TestDescriptor> inScope(TestDescriptor container) {
        List<TestDescriptor> children = new ArrayList<>();
        for (TestDescriptor child : container.getChildren()) {
            if (items.contains(id(child)) || scope.containers().contains(id(child))) {
                children.add(child);
            }
        }
        return children;
    }

    /** A class or nested class: it can resume on another worker; tests, templates and factories cannot. */
    private static boolean isPlainContainer(TestDescriptor descriptor) {
        return descriptor.isContainer() && !descriptor.mayRegisterTests() && !(descriptor instanceof RemoteDescriptor);
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
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
