package io.github.junitxdist.execution;

import io.github.junitxdist.process.WorkerProcess;
import io.github.junitxdist.process.WorkerServer;
import io.github.junitxdist.process.WorkerStarter;
import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.Shutdown;
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
 * hands it out, reacting to events from one queue. Each connected worker has a relay thread that reads its messages
 * and relays its unit's events to the listener (see {@link RelayListener}); when a worker dies, that thread fails what
 * its unit had not reported, and the coordinator replaces the worker while work is left for it and the restart budget
 * lasts. Units that no worker can run any more fail with the reason.
 */
final class ForkedExecution {

    /** How long a started worker may take to connect before it is killed and counted as failed to start. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);

    private sealed interface Event {}

    private record Connected(int launch, Channel channel) implements Event {}

    private record UnitFinished(Slot slot) implements Event {}

    private record WorkerLost(Slot slot, boolean hadUnit, String reason) implements Event {}

    private record Exited(Slot slot) implements Event {}

    private final ExecutionPlan plan;
    private final Scheduler scheduler;
    private final RelayListener listener;
    private final WorkerStarter starter;
    private final Init init;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    /** The live worker of each index that can still take work. */
    private final Map<Integer, Slot> active = new HashMap<>();
    private final List<Slot> started = new ArrayList<>();
    private int inFlight;
    private int restartsLeft;
    private String lastFailure = "no worker could be started";

    ForkedExecution(
            ExecutionPlan plan, Scheduler scheduler, RelayListener listener, WorkerStarter starter, Init init,
            int restarts) {
        this.plan = plan;
        this.scheduler = scheduler;
        this.listener = listener;
        this.starter = starter;
        this.init = init;
        this.restartsLeft = restarts;
    }

    void run(WorkerServer server, int workers) throws InterruptedException {
        server.acceptInBackground((launch, channel) -> events.add(new Connected(launch, channel)));
        try {
            for (int index = 0; index < workers; index++) {
                startWorker(index);
            }
            while (scheduler.hasPending() || inFlight > 0) {
                if (active.isEmpty()) {
                    failPending();
                    break;
                }
                Event event = events.poll(1, TimeUnit.SECONDS);
                if (event != null) {
                    handle(event);
                } else {
                    killWorkersThatNeverConnected();
                }
            }
        } finally {
            stopAll();
        }
    }

    private void handle(Event event) {
        if (event instanceof Connected e) {
            connected(e.launch(), e.channel());
        } else if (event instanceof UnitFinished e) {
            inFlight--;
            assignOrRelease(e.slot());
        } else if (event instanceof WorkerLost e) {
            if (e.hadUnit()) {
                inFlight--;
            }
            lastFailure = e.reason();
            lost(e.slot());
        } else if (event instanceof Exited e && !e.slot().connected && active.get(e.slot().index) == e.slot()) {
            WorkerProcess process = e.slot().process;
            lastFailure = "junit-xdist worker %s could not start (%s). %s"
                    .formatted(process.name(), process.describeExit(1), process.stderrTail());
            lost(e.slot());
        }
    }

    private void killWorkersThatNeverConnected() {
        for (Slot slot : active.values()) {
            if (!slot.connected && slot.process.ageNanos() > CONNECT_TIMEOUT.toNanos()) {
                slot.process.kill();
            }
        }
    }

    private void connected(int launch, Channel channel) {
        Slot slot = launch < started.size() ? started.get(launch) : null;
        if (slot == null || slot.connected || active.get(slot.index) != slot) {
            channel.close();
            return;
        }
        slot.connected = true;
        slot.channel = channel;
        send(slot, init);
        Thread reader = new Thread(slot::relay, "junit-xdist-relay-" + slot.process.name());
        reader.setDaemon(true);
        slot.reader = reader;
        reader.start();
        assignOrRelease(slot);
    }

    private void assignOrRelease(Slot slot) {
        Optional<WorkUnit> next = scheduler.next(slot.index);
        if (next.isPresent()) {
            WorkUnit unit = next.get();
            slot.current = new UnitRelay(plan.unitRoot(unit), plan.index(), listener);
            inFlight++;
            send(slot, plan.request(unit));
        } else {
            slot.released = true;
            active.remove(slot.index);
            send(slot, new Shutdown());
        }
    }

    private void lost(Slot slot) {
        if (active.get(slot.index) == slot) {
            active.remove(slot.index);
        }
        if (scheduler.hasPendingFor(slot.index) && restartsLeft > 0) {
            restartsLeft--;
            startWorker(slot.index);
        }
    }

    private void startWorker(int index) {
        try {
            Slot slot = new Slot(starter.start(index, started.size()));
            active.put(index, slot);
            started.add(slot);
            slot.process.onExit().thenRun(() -> events.add(new Exited(slot)));
        } catch (IOException e) {
            lastFailure = "junit-xdist could not start worker gw" + index + ": " + e;
        }
    }

    private void failPending() {
        var cause = new WorkerLostException(lastFailure);
        Optional<WorkUnit> next;
        while ((next = scheduler.next(0)).isPresent()) {
            new UnitRelay(plan.unitRoot(next.get()), plan.index(), listener).failUnreported(cause);
        }
    }

    private void stopAll() {
        for (Slot slot : started) {
            if (!slot.released) {
                slot.released = true;
                slot.process.kill();
            }
        }
        for (Slot slot : started) {
            slot.process.awaitExitOrKill(10);
            if (slot.channel != null) {
                slot.channel.close();
            }
        }
        for (Slot slot : started) {
            if (slot.reader != null) {
                try {
                    slot.reader.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void send(Slot slot, Message message) {
        try {
            slot.channel.send(message);
        } catch (IOException e) {
            // the worker is gone; its relay thread reports that
        }
    }

    /** One worker process and what the coordinator knows of it. */
    private final class Slot {

        final int index;
        final WorkerProcess process;
        boolean connected;
        volatile @Nullable Channel channel;
        volatile @Nullable UnitRelay current;
        volatile boolean released;
        @Nullable Thread reader;

        Slot(WorkerProcess process) {
            this.index = process.index();
            this.process = process;
        }

        /** The relay thread: reads the worker's messages until the connection ends. */
        void relay() {
            try {
                while (true) {
                    Message message = channel.receive();
                    UnitRelay relay = current;
                    if (message instanceof Message.UnitDone done && relay != null) {
                        current = null;
                        relay.finish(done.engineFailure(), process.name());
                        events.add(new UnitFinished(this));
                    } else if (relay != null) {
                        relay.handle(message);
                    } else if (message instanceof Message.Output output) {
                        listener.output(output.stderr(), output.bytes());
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!released) {
                    workerLost(e);
                }
            }
        }

        private void workerLost(Exception e) {
            String reason;
            if (e instanceof IOException) {
                reason = "junit-xdist worker %s died (%s). %s"
                        .formatted(process.name(), process.describeExit(10), process.stderrTail());
            } else {
                process.kill();
                reason = "junit-xdist stopped worker %s after an error relaying its events: %s"
                        .formatted(process.name(), e);
            }
            UnitRelay relay = current;
            current = null;
            if (relay != null) {
                relay.failUnreported(new WorkerLostException(reason));
            }
            events.add(new WorkerLost(this, relay != null, reason));
        }
    }
}
