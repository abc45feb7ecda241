package io.github.junitxdist.execution;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the units on a pool of worker JVMs.
 *
 * <p>The coordinator is the thread that calls {@link #run}: it alone starts workers, asks the scheduler for work and
 * hands it out, reacting to events from one queue. Each connected worker has a relay thread (see {@link WorkerSlot}).
 * When a worker dies, what it was running fails, the rest of its unit goes back to the queue, and the worker is
 * replaced while work is left for it and the restart budget lasts ({@link RestartBudget}). A test that outlives the
 * timeout has its worker's threads dumped, and the worker is stopped like a crashed one (see
 * {@link WorkerSlot#enforceTimeLimits}). Units no worker can run any more fail with the reason; after a cancellation,
 * units not started are skipped.
 */
final class ForkedExecution implements WorkerSlot.Events {

    private sealed interface Event {}

    private record Connected(WorkerSlot slot, Channel channel) implements Event {}

    private record UnitFinished(WorkerSlot slot, WorkUnit unit, long nanos) implements Event {}

    private record WorkerLost(WorkerSlot slot, @Nullable WorkUnit unit, boolean resumable, String reason)
            implements Event {}

    private record Exited(WorkerSlot slot) implements Event {}

    private record WarmedUp(WorkerSlot slot) implements Event {}

    /** What does not change during a run. */
    record Settings(
            WorkerPool pool, Init init, int maxWorkerRestart, Optional<Duration> timeout, DurationHistory history) {}

    private final ExecutionPlan plan;
    private final Scheduler scheduler;
    private final RelayListener listener;
    private final Cancellation cancellation;
    private final Settings settings;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The live worker of each index that can still take work. */
    private final Map<Integer, WorkerSlot> active = new HashMap<>();
    /** Every worker this run started or reused. */
    private final List<WorkerSlot> used = new ArrayList<>();
    private final Map<Integer, UnitRelay> relays = new HashMap<>();
    private final Map<Integer, RunUnit> reruns = new HashMap<>();
    /** Connected workers of this run that wait for a unit blocked by locks or by units ahead of it. */
    private final List<WorkerSlot> waiting = new ArrayList<>();
    private final WorkerStarts starts = new WorkerStarts(WorkerStarts.LIMIT);
    private final TreeState tree;
    private int inFlight;
    private boolean cancelSent;
    private final RestartBudget restarts;
    private String lastFailure = "no worker could be started";

    ForkedExecution(
            ExecutionPlan plan, Scheduler scheduler, RelayListener listener, Cancellation cancellation,
            Settings settings) {
        this.plan = plan;
        this.scheduler = scheduler;
        this.listener = listener;
        this.cancellation = cancellation;
        this.settings = settings;
        this.restarts = new RestartBudget(settings.maxWorkerRestart());
        this.tree = new TreeState(plan.holders(), listener);
    }

    void run(int workers) throws InterruptedException {
        List<WorkerSlot> warm = settings.pool().attach(this);
        try {
            warm.forEach(slot -> takeOver(slot, workers));
            for (int index = 0; index < workers; index++) {
                if (!active.containsKey(index) && scheduler.hasPendingFor(index)) {
                    starts.add(index);
                }
            }
            while ((scheduler.hasPending() || inFlight > 0) && step()) {
                long now = System.nanoTime();
                active.values().forEach(slot -> slot.enforceTimeLimits(now, settings.timeout().orElse(null)));
            }
        } finally {
            List.copyOf(waiting).forEach(this::assignOrRelease);
            stopAll();
        }
    }

    /** Uses a worker the pool had ready (idle, or started during discovery) if this run needs it; else lets it go. */
    private void takeOver(WorkerSlot slot, int workers) {
        if (slot.index < workers && !active.containsKey(slot.index)) {
            active.put(slot.index, slot);
            used.add(slot);
            slot.bind(listener, this);
            if (slot.connected) {
                slot.send(settings.init());
                assignOrRelease(slot);
            } else { // started ahead, during discovery: it connects like a worker this run started
                var unused = slot.process.onExit().thenRun(() -> events.add(new Exited(slot))); // an add cannot fail
            }
        } else if (slot.connected) {
            settings.pool().giveBack(slot);
        } else {
            slot.released = true;
            slot.process.kill();
        }
    }

    /**
     * One turn of the coordinator: starts the workers that may start (or, after a cancellation, skips what has not
     * started), then handles the next event, waiting for it up to 200 ms.
     *
     * @return false when the run is over: every unit ended, or the rest failed because no worker can run it
     */
    private boolean step() throws InterruptedException {
        Optional<String> cancelled = cancellation.reason();
        if (cancelled.isPresent()) {
            cancelRunning();
            drainPending(relay -> relay.skip(cancelled.get()));
        } else {
            starts.next(starting(), this::stillWanted).forEach(this::startWorker);
        }
        if (cancelled.isEmpty() && active.isEmpty()) {
            var cause = new WorkerLostException(restarts.usedUp()
                    ? "junit-xdist: not run, xdist.maxWorkerRestart=%d replacement workers were used up; %s"
                            .formatted(restarts.max(), lastFailure)
                    : lastFailure);
            drainPending(relay -> relay.failUnreported(cause));
            return false;
        }
        if (inFlight == 0 && !scheduler.hasPending()) {
            return false;
        }
        if (inFlight == 0 && starts.isEmpty() && !waiting.isEmpty() && waiting.size() == active.size()) {
            // Cannot happen while the scheduler keeps its promise; rather fail the rest than wait forever.
            var cause = new WorkerLostException("junit-xdist: not run: no worker may take these tests (workers "
                    + waiting.stream().map(slot -> slot.process.name()).toList() + " are waiting for them)");
            drainPending(relay -> relay.failUnreported(cause));
            return false;
        }
        Event event = events.poll(200, TimeUnit.MILLISECONDS);
        if (event != null) {
            handle(event);
        }
        return true;
    }

    /** A worker of this run connected; called on the pool's acceptor thread. */
    void connected(WorkerSlot slot, Channel channel) {
        events.add(new Connected(slot, channel));
    }

    @Override
    public void unitFinished(WorkerSlot slot, WorkUnit unit, long nanos) {
        events.add(new UnitFinished(slot, unit, nanos));
    }

    @Override
    public void workerLost(WorkerSlot slot, @Nullable WorkUnit unit, boolean resumable, String reason) {
        events.add(new WorkerLost(slot, unit, resumable, reason));
    }

    @Override
    public void warmedUp(WorkerSlot slot) {
        settings.history().recordWorkerStart(slot.startMillis());
        events.add(new WarmedUp(slot));
    }

    @Override
    public boolean cancelRequested() {
        return cancellation.reason().isPresent();
    }

    private void handle(Event event) {
        if (event instanceof Connected e) {
            connect(e.slot(), e.channel());
        } else if (event instanceof UnitFinished e) {
            inFlight--;
            scheduler.done(e.unit());
            if (!reruns.containsKey(e.unit().id())) {
                settings.history().record(e.unit().uniqueId(), TimeUnit.NANOSECONDS.toMillis(e.nanos()));
            }
            assignOrRelease(e.slot());
            retryWaiting();
        } else if (event instanceof WorkerLost e) {
            if (e.unit() != null) {
                inFlight--;
                if (e.resumable()) {
                    RunUnit original = plan.request(e.unit());
                    reruns.put(e.unit().id(), new RunUnit(original.unitId(), original.selectors(),
                            relay(e.unit()).remaining(original.allowedIds())));
                    scheduler.putBack(e.unit());
                } else {
                    scheduler.done(e.unit());
                }
            }
            lastFailure = e.reason();
            lost(e.slot());
            retryWaiting();
        } else if (event instanceof Exited e && !e.slot().connected && active.get(e.slot().index) == e.slot()) {
            var process = e.slot().process;
            lastFailure = "junit-xdist worker %s could not start (%s). %s"
                    .formatted(process.name(), process.describeExit(1), process.outputTail());
            lost(e.slot());
        }
    }

    private void connect(WorkerSlot slot, Channel channel) {
        if (slot.connected || active.get(slot.index) != slot) {
            channel.close();
            return;
        }
        slot.startRelaying(channel);
        slot.send(settings.init());
        assignOrRelease(slot);
    }

    /** Gives a free worker its next unit; lets it wait if its next unit is blocked; gives it back if none is left. */
    private void assignOrRelease(WorkerSlot slot) {
        waiting.remove(slot);
        boolean cancelled = cancellation.reason().isPresent();
        Optional<WorkUnit> next = cancelled ? Optional.empty() : scheduler.next(slot.index);
        if (next.isPresent()) {
            WorkUnit unit = next.get();
            slot.assign(unit, relay(unit));
            inFlight++;
            slot.send(reruns.getOrDefault(unit.id(), plan.request(unit)));
        } else if (!cancelled && scheduler.hasPendingFor(slot.index)) {
            waiting.add(slot);
        } else {
            slot.released = true;
            active.remove(slot.index);
            settings.pool().giveBack(slot);
        }
    }

    /** Offers the waiting workers what the end of a unit may have unblocked. */
    private void retryWaiting() {
        for (WorkerSlot slot : List.copyOf(waiting)) {
            if (active.get(slot.index) == slot) {
                assignOrRelease(slot);
            } else {
                waiting.remove(slot);
            }
        }
    }

    private UnitRelay relay(WorkUnit unit) {
        return relays.computeIfAbsent(unit.id(), id -> new UnitRelay(plan.scope(unit), plan.index(), listener, tree));
    }

    private void lost(WorkerSlot slot) {
        waiting.remove(slot);
        if (active.get(slot.index) == slot) {
            active.remove(slot.index);
        }
        if (scheduler.hasPendingFor(slot.index) && restarts.reserve(slot.index)) {
            starts.addFirst(slot.index);
        }
    }

    /**
     * How many of this run's workers are still starting: not connected yet, or running their first unit but with no
     * event from it yet. A connected worker waiting for work takes no processor time.
     */
    private long starting() {
        return active.values().stream().filter(slot -> !slot.warm && (!slot.connected || slot.unit != null)).count();
    }

    /** Whether a worker waiting to start still has work; a replacement that has not gives back its restart. */
    private boolean stillWanted(int index) {
        boolean wanted = !active.containsKey(index) && scheduler.hasPendingFor(index);
        if (!wanted) {
            restarts.dropped(index);
        }
        return wanted;
    }

    private void startWorker(int index) {
        restarts.starting(index);
        try {
            WorkerSlot slot = settings.pool().start(index);
            slot.bind(listener, this);
            active.put(index, slot);
            used.add(slot);
            var unused = slot.process.onExit().thenRun(() -> events.add(new Exited(slot))); // an add cannot fail
        } catch (IOException e) {
            lastFailure = "junit-xdist could not start worker gw" + index + ": " + e;
        }
    }

    /** Asks the busy workers, once, to cancel their units (effective on JUnit 6). */
    private void cancelRunning() {
        if (!cancelSent) {
            cancelSent = true;
            active.values().stream().filter(slot -> slot.relay != null).forEach(slot -> slot.send(new Message.Cancel()));
        }
    }

    private void drainPending(java.util.function.Consumer<UnitRelay> end) {
        scheduler.drain().forEach(unit -> end.accept(relay(unit)));
    }

    /** Stops the workers this run did not give back to the pool (still starting, or stopped for a timeout). */
    private void stopAll() {
        List<WorkerSlot> stopped = used.stream().filter(slot -> !slot.released).toList();
        for (WorkerSlot slot : stopped) {
            slot.released = true;
            slot.process.kill();
        }
        for (WorkerSlot slot : stopped) {
            slot.process.awaitExitOrKill(10);
            Channel channel = slot.channel;
            if (channel != null) {
                channel.close();
            }
        }
        settings.pool().detach();
    }

}
