package io.github.junitxdist.coordinator;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.coordinator.CoordinatorEvent.Connected;
import io.github.junitxdist.coordinator.CoordinatorEvent.Exited;
import io.github.junitxdist.coordinator.CoordinatorEvent.UnitFinished;
import io.github.junitxdist.coordinator.CoordinatorEvent.WarmedUp;
import io.github.junitxdist.coordinator.CoordinatorEvent.WorkerLost;
import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.process.WorkerLink;
import io.github.junitxdist.process.WorkerState;
import io.github.junitxdist.process.Workers;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.relay.RelayListener;
import io.github.junitxdist.relay.TreeState;
import io.github.junitxdist.relay.UnitRelay;
import io.github.junitxdist.report.RunRecord;
import io.github.junitxdist.scheduling.Affinity;
import io.github.junitxdist.scheduling.Scheduler;
import io.github.junitxdist.scheduling.WorkUnit;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Runs the units on a pool of workers: one loop on the thread that calls {@link #run}, reacting to one queue of {@link
 * CoordinatorEvent}s. It alone starts workers, asks the scheduler for work and hands it out. Each connected worker
 * relays its unit's events on its own thread (see {@link WorkerHandle}) and reports the end of a unit or its own loss
 * to the queue. When a worker dies, what it was running fails, the rest of its unit goes back to the queue, and the
 * worker is replaced while work is left for it and the restart budget lasts ({@link RestartBudget}). A test that
 * outlives the timeout has its worker's threads dumped, and the worker is stopped like a crashed one. Units no worker
 * can run any more fail with the reason; after a cancellation, units not started are skipped.
 *
 * <p>Workers come from {@link Workers}, the seam: a {@code WorkerPool} in production, scripted workers in tests.
 *
 * <p>Confined to the coordinator thread; other threads reach it only through its queue ({@link RunEvents}).
 */
final class Coordinator {

    private static final Logger LOGGER = Logger.getLogger("io.github.junitxdist");

    /**
     * What does not change during a run; {@code tick} is how long the loop waits for an event before it looks up, and
     * {@code record} hears which unit ran on which worker when, for the run's report.
     */
    record Settings(
            Workers workers,
            Init init,
            int maxWorkerRestart,
            Optional<Duration> timeout,
            DurationHistory history,
            Affinity affinity,
            Duration tick,
            RunRecord record) {

        /** Settings of a run that is not recorded. */
        Settings(
                Workers workers,
                Init init,
                int maxWorkerRestart,
                Optional<Duration> timeout,
                DurationHistory history,
                Affinity affinity,
                Duration tick) {
            this(workers, init, maxWorkerRestart, timeout, history, affinity, tick, new RunRecord());
        }
    }

    private final ExecutionPlan plan;
    private final Scheduler scheduler;
    private final RelayListener listener;
    private final Cancellation cancellation;
    private final Settings settings;
    private final RunEvents events;
    private final Roster roster = new Roster();
    private final Map<Integer, UnitRelay> relays = new HashMap<>();
    private final Reruns reruns;
    private final WorkerStarts starts;
    private final TreeState tree;
    private final RestartBudget restarts;
    private final Seasoning seasoning;
    private int inFlight;
    private boolean cancelSent;
    private String lastFailure = "no worker could be started";

    Coordinator(
            ExecutionPlan plan,
            Scheduler scheduler,
            RelayListener listener,
            Cancellation cancellation,
            Settings settings,
            int startLimit) {
        this.plan = plan;
        this.reruns = new Reruns(plan);
        this.scheduler = scheduler;
        this.listener = listener;
        this.cancellation = cancellation;
        this.settings = settings;
        this.starts = new WorkerStarts(startLimit);
        this.restarts = new RestartBudget(settings.maxWorkerRestart());
        this.seasoning = new Seasoning(settings.affinity());
        this.tree = new TreeState(plan.holders(), listener);
        this.events = new RunEvents(listener, cancellation);
    }

    /** Runs the unit with this request instead of the plan's (see {@link Isolation}); call before {@link #run}. */
    Coordinator narrowing(WorkUnit unit, Message.RunUnit request) {
        reruns.narrow(unit, request);
        return this;
    }

    void run(int workers) throws InterruptedException {
        List<WorkerHandle> handed = settings.workers().attach(events);
        try {
            handed.forEach(worker -> takeOver(worker, workers));
            for (int index = 0; index < workers; index++) {
                if (!roster.holdsIndex(index) && scheduler.hasPendingFor(index)) {
                    starts.add(index);
                }
            }
            while ((scheduler.hasPending() || inFlight > 0) && step()) {
                long now = System.nanoTime();
                roster.active()
                        .forEach(worker ->
                                worker.enforceTimeLimits(now, settings.timeout().orElse(null)));
            }
        } finally {
            roster.waiting().forEach(this::assignOrRelease);
            roster.stopRest();
            settings.workers().detach();
        }
    }

    /** Uses a worker kept from before (idle, or started ahead) if this run needs it; else lets it go. */
    private void takeOver(WorkerHandle worker, int workers) {
        boolean starting = worker.state() == WorkerState.STARTING;
        if (!starting) {
            seasoning.ranBefore(worker);
        }
        if (worker.index() < workers && !roster.holdsIndex(worker.index())) {
            roster.add(worker);
            worker.bind(events);
            if (starting) { // started ahead, during discovery: it connects like a worker this run started
                events.watchExit(worker);
            } else if (worker.init(settings.init())) {
                assignOrRelease(worker);
            } else { // its connection ended while it waited in the pool
                lost(worker);
            }
        } else if (starting) {
            worker.stop();
        } else {
            settings.workers().giveBack(worker);
        }
    }

    /**
     * One turn of the loop: starts the workers that may start (or, after a cancellation, skips what has not started),
     * then handles the next event, waiting for it up to a tick.
     *
     * @return false when the run is over: every unit ended, or the rest failed because no worker can run it
     */
    private boolean step() throws InterruptedException {
        Optional<String> cancelled = cancellation.reason();
        if (cancelled.isPresent()) {
            cancelRunning();
            drainPending(relay -> relay.skip(cancelled.get()));
        } else {
            starts.next(roster.starting(), this::stillWanted).forEach(this::startWorker);
        }
        if (cancelled.isEmpty() && roster.isEmpty()) {
            var cause = new WorkerLostException(
                    restarts.usedUp()
                            ? "junit-xdist: not run, xdist.maxWorkerRestart=%d replacement workers were used up; %s"
                                    .formatted(restarts.max(), lastFailure)
                            : lastFailure);
            drainPending(relay -> relay.failUnreported(cause));
            return false;
        }
        if (inFlight == 0 && !scheduler.hasPending()) {
            return false;
        }
        if (inFlight == 0 && starts.isEmpty() && roster.allWaiting()) {
            // Cannot happen while the scheduler keeps its promise; rather fail the rest than wait forever.
            var cause = new WorkerLostException("junit-xdist: not run: no worker may take these tests (workers "
                    + roster.waiting().stream().map(WorkerHandle::name).toList() + " are waiting for them)");
            drainPending(relay -> relay.failUnreported(cause));
            return false;
        }
        CoordinatorEvent event = events.next(settings.tick());
        if (event != null) {
            handle(event);
        }
        return true;
    }

    private void handle(CoordinatorEvent event) {
        if (event instanceof Connected e) {
            connect(e.worker(), e.link());
        } else if (event instanceof UnitFinished e) {
            unitFinished(e);
        } else if (event instanceof WorkerLost e) {
            workerLost(e);
        } else if (event instanceof Exited e) {
            exited(e.worker());
        } else if (event instanceof WarmedUp e) {
            // Kept for xdist.workers=auto; then look again: another worker may start now.
            settings.history().recordWorkerStart(e.worker().startMillis());
            settings.record()
                    .workerStarted(
                            e.worker().name(),
                            System.nanoTime() - e.worker().process().ageNanos(),
                            e.worker().startMillis(),
                            System.nanoTime());
        } else {
            throw new IllegalStateException("junit-xdist: unexpected coordinator event " + event);
        }
    }

    private void unitFinished(UnitFinished e) {
        inFlight--;
        WorkUnit unit = e.job().unit();
        settings.record().unitEnded(unit.id(), System.nanoTime(), false);
        scheduler.done(unit);
        boolean first = seasoning.ran(e.worker(), unit);
        if (!reruns.isRerun(unit)) {
            settings.history().record(unit.uniqueId(), TimeUnit.NANOSECONDS.toMillis(e.nanos()), unit.tests(), first);
        }
        assignOrRelease(e.worker());
        retryWaiting();
    }

    private void workerLost(WorkerLost e) {
        UnitJob job = e.job();
        if (job != null) {
            inFlight--;
            settings.record().unitEnded(job.unit().id(), System.nanoTime(), true);
            if (e.resumable()) {
                reruns.resume(job.unit(), job.relay());
                scheduler.putBack(job.unit());
            } else {
                scheduler.done(job.unit());
            }
        }
        lastFailure = e.reason();
        lost(e.worker());
        retryWaiting();
    }

    /** A worker's process ended; one that never connected could not start. */
    private void exited(WorkerHandle worker) {
        if (worker.state() == WorkerState.STARTING && roster.holds(worker)) {
            lastFailure = "junit-xdist worker %s could not start (%s). %s"
                    .formatted(
                            worker.name(),
                            worker.process().describeExit(1),
                            worker.process().outputTail());
            lost(worker);
        }
    }

    private void connect(WorkerHandle worker, WorkerLink link) {
        if (worker.state() != WorkerState.STARTING || !roster.holds(worker)) {
            link.close();
            return;
        }
        worker.connected(link);
        if (worker.init(settings.init())) {
            assignOrRelease(worker);
        } // else it was lost at once, and its loss is on the queue
    }

    /** Gives a free worker its next unit; lets it wait if its next unit is blocked; gives it back if none is left. */
    private void assignOrRelease(WorkerHandle worker) {
        roster.stopWaiting(worker);
        if (worker.state() == WorkerState.LOST) {
            return; // its loss is on the queue
        }
        boolean cancelled = cancellation.reason().isPresent();
        Optional<WorkUnit> next = cancelled ? Optional.empty() : scheduler.next(worker.index());
        if (next.isPresent()) {
            WorkUnit unit = next.get();
            settings.record().unitStarted(unit.id(), worker.name(), System.nanoTime()); // before its first event
            if (worker.run(reruns.request(unit), new UnitJob(unit, relay(unit)))) {
                inFlight++;
            } else {
                settings.record().unitNotStarted(unit.id());
                scheduler.putBack(unit);
            }
        } else if (!cancelled && scheduler.hasPendingFor(worker.index())) {
            roster.await(worker);
            settings.record().waiting(worker.name(), System.nanoTime());
            LOGGER.fine(() -> "junit-xdist: " + worker.name() + " waits for work: the units left for it are held back"
                    + " by resource locks or an @Isolated unit");
        } else {
            settings.record().notWaiting(worker.name());
            roster.remove(worker);
            settings.workers().giveBack(worker);
        }
    }

    /** Offers the waiting workers what the end of a unit may have unblocked. */
    private void retryWaiting() {
        for (WorkerHandle worker : roster.waiting()) {
            if (roster.holds(worker)) {
                assignOrRelease(worker);
            } else {
                roster.stopWaiting(worker);
            }
        }
    }

    private UnitRelay relay(WorkUnit unit) {
        return relays.computeIfAbsent(unit.id(), id -> new UnitRelay(plan.scope(unit), plan.index(), listener, tree));
    }

    private void lost(WorkerHandle worker) {
        settings.record().notWaiting(worker.name());
        roster.remove(worker);
        if (scheduler.hasPendingFor(worker.index()) && restarts.reserve(worker.index())) {
            starts.addFirst(worker.index());
        }
    }

    /** Whether a worker waiting to start still has work; a replacement that has not gives back its restart. */
    private boolean stillWanted(int index) {
        boolean wanted = !roster.holdsIndex(index) && scheduler.hasPendingFor(index);
        if (!wanted) {
            restarts.dropped(index);
        }
        return wanted;
    }

    private void startWorker(int index) {
        restarts.starting(index);
        try {
            WorkerHandle worker = settings.workers().start(index);
            worker.bind(events);
            roster.add(worker);
            events.watchExit(worker);
        } catch (IOException e) {
            lastFailure = "junit-xdist could not start worker gw" + index + ": " + e;
        }
    }

    /** Asks the busy workers, once, to cancel their units (effective on JUnit 6). */
    private void cancelRunning() {
        if (!cancelSent) {
            cancelSent = true;
            roster.active().stream()
                    .filter(worker -> worker.state() == WorkerState.RUNNING)
                    .forEach(worker -> worker.send(new Message.Cancel()));
        }
    }

    private void drainPending(Consumer<UnitRelay> end) {
        scheduler.drain().forEach(unit -> end.accept(relay(unit)));
    }
}
