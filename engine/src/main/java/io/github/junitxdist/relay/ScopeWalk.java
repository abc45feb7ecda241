package io.github.junitxdist.relay;

import io.github.junitxdist.plan.ExecutionPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * One walk over what is left of a unit's scope, ending every node that has not ended yet the way an {@link End} says:
 * {@linkplain #failing failed}, {@linkplain #closing closed} after its worker finished the unit, or
 * {@linkplain #skipping skipped}. Each container of the unit is let go of exactly once (the {@link TreeState} ends it
 * when its last holder lets go); a node that ended already is left alone, so nothing is reported twice.
 *
 * <p>Called only under the {@link RelayListener}'s lock, by the {@link UnitRelay} that owns it.
 */
final class ScopeWalk {

    /** How a walk ends the nodes it meets; {@code children} walks a node's children with the given way of ending. */
    interface End {
        void container(TestDescriptor container, Consumer<End> children);

        void leaf(TestDescriptor leaf, Consumer<End> children);
    }

    private final ExecutionPlan.Scope scope;
    private final Set<String> items;
    /** The containers this unit has let go of. */
    private final Set<String> released;

    private final TreeState tree;
    private final RelayListener listener;

    ScopeWalk(
            ExecutionPlan.Scope scope,
            Set<String> items,
            Set<String> released,
            TreeState tree,
            RelayListener listener) {
        this.scope = scope;
        this.items = items;
        this.released = released;
        this.tree = tree;
        this.listener = listener;
    }

    /** Ends the given node and what is below it, as {@code end} says. */
    void walk(TestDescriptor descriptor, End end) {
        String id = id(descriptor);
        if (scope.containers().contains(id)) {
            if (released.add(id)) {
                end.container(descriptor, how -> inScope(descriptor).forEach(child -> walk(child, how)));
                tree.release(descriptor);
            }
        } else if (!tree.ended.contains(id)) {
            end.leaf(descriptor, how -> new ArrayList<>(descriptor.getChildren()).forEach(child -> walk(child, how)));
        }
    }

    /** Fails what did not end with the given result, starting it first if needed; containers keep the failure. */
    End failing(TestExecutionResult result) {
        return new End() {
            @Override
            public void container(TestDescriptor container, Consumer<End> children) {
                tree.start(container);
                children.accept(this);
                tree.record(id(container), result);
            }

            @Override
            public void leaf(TestDescriptor leaf, Consumer<End> children) {
                tree.start(leaf);
                children.accept(this);
                if (tree.started.contains(id(leaf)) && tree.ended.add(id(leaf))) {
                    listener.executionFinished(leaf, result);
                }
            }
        };
    }

    /**
     * After the worker finished its unit: lets go of open containers, finishes open nodes below a test the worker
     * finished, and fails what never started with {@code notReported}.
     */
    End closing(Throwable notReported) {
        return new End() {
            @Override
            public void container(TestDescriptor container, Consumer<End> children) {
                tree.start(container);
                children.accept(this);
            }

            @Override
            public void leaf(TestDescriptor leaf, Consumer<End> children) {
                if (!tree.started.contains(id(leaf))) {
                    failing(TestExecutionResult.failed(notReported)).leaf(leaf, children);
                    return;
                }
                children.accept(this);
                if (tree.ended.add(id(leaf))) {
                    listener.executionFinished(leaf, TestExecutionResult.successful());
                }
            }
        };
    }

    /**
     * Skips what did not start; finishes what did (a shared container once its last unit is done). A container of the
     * unit that no one started yet skips its part below when someone starts it, or is skipped as a whole.
     */
    End skipping(String reason) {
        return new End() {
            @Override
            public void container(TestDescriptor container, Consumer<End> children) {
                String id = id(container);
                if (tree.started.contains(id)) {
                    children.accept(this);
                } else if (!tree.ended.contains(id)) {
                    tree.skipWhenStarted(id, reason, () -> children.accept(this));
                }
            }

            @Override
            public void leaf(TestDescriptor leaf, Consumer<End> children) {
                String id = id(leaf);
                if (!tree.started.contains(id)) {
                    if (tree.parentOpen(leaf)) {
                        tree.ended.add(id);
                        listener.executionSkipped(leaf, reason);
                    }
                    return;
                }
                children.accept(this);
                tree.ended.add(id);
                listener.executionFinished(leaf, TestExecutionResult.successful());
            }
        };
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

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }
}
