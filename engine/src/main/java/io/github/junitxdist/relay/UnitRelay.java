package io.github.junitxdist.relay;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.RemoteThrowable;
import io.github.junitxdist.protocol.Throwables;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
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
 * <p>Confined to one thread at a time (the thread relaying its worker, or the coordinator once the worker is gone),
 * except {@link #innermostOpen()}, which the coordinator reads to enforce timeouts. Every call to the listener is made
 * under the {@link RelayListener}'s lock, which also guards the shared {@link TreeState}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class UnitRelay {

    /** A node the worker is running, innermost last; {@code since} is a {@link System#nanoTime()}. */
    public record OpenNode(String uniqueId, long since) {}

    private final ExecutionPlan.Scope scope;
    private final List<TestDescriptor> tops;
    private final Set<String> items = new HashSet<>();
    private final Map<String, TestDescriptor> index;
    private final RelayListener listener;
    private final TreeState tree;
    /** The containers this unit has let go of. */
    private final Set<String> released = new HashSet<>();

    private final ScopeWalk walk;
    private final PendingOutput pendingOutput = new PendingOutput(this::relay);
    private final RelayedEvents relaying;
    private final Deque<OpenNode> open = new ArrayDeque<>();
    private volatile @Nullable OpenNode innermostOpen;

    public UnitRelay(
            ExecutionPlan.Scope scope, Map<String, TestDescriptor> index, RelayListener listener, TreeState tree) {
        this.scope = scope;
        this.index = index;
        this.listener = listener;
        this.tree = tree;
        scope.items().forEach(item -> items.add(id(item)));
        this.tops = scope.tops();
        this.walk = new ScopeWalk(scope, items, released, tree, listener);
        this.relaying = new RelayedEvents(scope, index, released, tree, walk, listener);
    }

    /** The node the worker is running right now, if any. */
    public @Nullable OpenNode innermostOpen() {
        return innermostOpen;
    }

    /** Relays one event of the unit (or holds it back behind output, see above). */
    public void handle(Message.ToParent message) {
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
    public void finish(@Nullable RemoteThrowable engineFailure, String workerName) {
        if (engineFailure != null) {
            Throwable failure = Throwables.restore(engineFailure);
            if (!failUnreported(failure)) {
                listener.engineFailed(failure);
            }
            return;
        }
        List<TestDescriptor> unfinished = open.stream()
                .map(node -> index.get(node.uniqueId()))
                .filter(Objects::nonNull)
                .toList();
        open.clear();
        innermostOpen = null;
        var resultLost = new IllegalStateException(("junit-xdist: result lost: worker %s finished its unit without "
                        + "reporting the end of this test or container")
                .formatted(workerName));
        var notReported = new IllegalStateException(
                "junit-xdist: worker " + workerName + " finished its unit without reporting this test");
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            unfinished.forEach(node -> walk.walk(node, walk.failing(TestExecutionResult.failed(resultLost))));
            tops.forEach(top -> walk.walk(top, walk.closing(notReported)));
        });
    }

    /**
     * Reports every node of the unit that has not ended yet as failed with the given cause.
     *
     * @return whether anything was left to report
     */
    public boolean failUnreported(Throwable cause) {
        boolean[] left = {false};
        listener.atomically(() -> {
            left[0] = !released.containsAll(scope.containers())
                    || items.stream().anyMatch(item -> !endedOrBelowEnded(item));
            pendingOutput.writeTo(listener);
            tops.forEach(top -> walk.walk(top, walk.failing(TestExecutionResult.failed(cause))));
        });
        return left[0];
    }

    /**
     * Reports what is left of the unit skipped: what did not start, with the containers that did finishing (shared
     * ones once their last unit is done).
     */
    public void skip(String reason) {
        listener.atomically(() -> {
            pendingOutput.writeTo(listener);
            tops.forEach(top -> walk.walk(top, walk.skipping(reason)));
        });
    }

    /**
     * Handles the loss of the unit's worker: fails what it was running with the given cause and tells whether the rest
     * of the unit can run on another worker. That is so when the worker was inside a test (or a test template or
     * factory, which fail as a whole): the rest can then not hit the same spot again. When it died in a class's own
     * lifecycle or between tests, the whole rest of the unit fails with the cause instead.
     */
    public boolean workerLost(Throwable cause) {
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
            walk.walk(failed, walk.failing(TestExecutionResult.failed(cause)));
        });
        return true;
    }

    /** The allowed ids of a rerun: those of the original request that neither ended nor lie below a node that did. */
    public Set<String> remaining(Set<String> allowedIds) {
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

    private void relay(Message.ToParent message) {
        message.accept(relaying);
    }

    /** A class or nested class: it can resume on another worker; tests, templates and factories cannot. */
    static boolean isPlainContainer(TestDescriptor descriptor) {
        return descriptor.isContainer() && !descriptor.mayRegisterTests() && !(descriptor instanceof RemoteDescriptor);
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }
}
