package io.github.junitxdist.coordinator;

import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.process.WorkerLink;
import org.jspecify.annotations.Nullable;

/**
 * What reaches the coordinator's queue: from the pool's acceptor thread ({@link Connected}), from workers' reading
 * threads, and from process exit watchers ({@link Exited}). Immutable.
 */
sealed interface CoordinatorEvent {

    record Connected(WorkerHandle worker, WorkerLink link) implements CoordinatorEvent {}

    record UnitFinished(WorkerHandle worker, UnitJob job, long nanos) implements CoordinatorEvent {}

    record WorkerLost(WorkerHandle worker, @Nullable UnitJob job, boolean resumable, String reason)
            implements CoordinatorEvent {}

    /** A worker's process ended; matters only for one that never connected. */
    record Exited(WorkerHandle worker) implements CoordinatorEvent {}

    /** A worker reported its first event: the coordinator may start the next worker now. */
    record WarmedUp(WorkerHandle worker) implements CoordinatorEvent {}
}
