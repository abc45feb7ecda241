package io.github.junitxdist.coordinator;

import io.github.junitxdist.process.WorkerEvents;
import io.github.junitxdist.process.WorkerHandle;
import io.github.junitxdist.process.WorkerLink;
import io.github.junitxdist.process.WorkerProcess;
import io.github.junitxdist.process.Workers;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Message.Status;
import io.github.junitxdist.protocol.Message.ToWorker;
import io.github.junitxdist.protocol.Message.UnitDone;
import java.io.EOFException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.junit.platform.engine.TestDescriptor;

/**
 * Workers whose process and connection a test scripts, in the manner of pytest-xdist's {@code MockNode}: no JVMs, and
 * everything happens on the calling thread. A fake worker connects as soon as it is started (unless its script says it
 * never does) and runs a unit the moment it is sent: it walks the descriptors the unit allows in tree order, starting
 * and finishing each, and does what its script says on the way (fail a node, crash, hang, report a test twice).
 *
 * <p>Not thread-safe: the coordinator thread alone uses it.
 */
final class FakeWorkers implements Workers {

    /** What a fake worker does at a node, by display name. */
    enum Action {
        /** Finishes it failed. */
        FAIL,
        /** Starts it, then its JVM dies. */
        CRASH,
        /** Starts it and never ends it; answers a request for its threads. */
        HANG,
        /** Finishes it twice, as a misbehaving worker might. */
        DUPLICATE_FINISH,
        /**
         * Starts it, then the thread reading its messages dies without reporting anything (as an error while reporting
         * the end of the connection would leave it); its JVM lives on until killed.
         */
        READER_DIES
    }

    /** How one start of a worker behaves. */
    record Script(boolean connects, boolean diesOnConnect, Map<String, Action> actions) {
        static final Script WELL_BEHAVED = new Script(true, false, Map.of());

        static Script at(String node, Action action) {
            return new Script(true, false, Map.of(node, action));
        }

        static Script neverConnects() {
            return new Script(false, false, Map.of());
        }

        /** Connects, and its JVM dies right after. */
        static Script dyingOnConnect() {
            return new Script(true, true, Map.of());
        }
    }

    /** What happened, in order: starts, messages sent to workers, crashes. */
    final List<String> log = new ArrayList<>();

    private final TestDescriptor root;
    private final IntFunction<Script> scriptOfLaunch;
    private final List<WorkerHandle> idle = new ArrayList<>();
    private final PrintStream diagnostics = new PrintStream(PrintStream.nullOutputStream());
    private WorkerEvents run;
    private int launches;

    /** @param scriptOfLaunch the script of each start, by launch number (0 for the first worker started) */
    FakeWorkers(TestDescriptor root, IntFunction<Script> scriptOfLaunch) {
        this.root = root;
        this.scriptOfLaunch = scriptOfLaunch;
    }

    @Override
    public List<WorkerHandle> attach(WorkerEvents events) {
        this.run = events;
        List<WorkerHandle> handed = idle.stream().filter(WorkerHandle::isUsable).toList();
        idle.clear();
        return handed;
    }

    @Override
    public WorkerHandle start(int index) {
        int launch = launches++;
        Script script = scriptOfLaunch.apply(launch);
        log.add("gw%d start #%d".formatted(index, launch));
        var worker = new FakeWorker(script);
        var process = new FakeProcess(worker::connectionLost);
        worker.handle = new WorkerHandle(WorkerProcess.of(index, launch, process, diagnostics));
        worker.process = process;
        if (script.connects()) {
            run.connected(worker.handle, worker);
        } else {
            process.exit(1);
        }
        return worker.handle;
    }

    @Override
    public void giveBack(WorkerHandle worker) {
        worker.release();
        idle.add(worker);
    }

    @Override
    public void detach() {
        run = null;
    }

    /** One fake worker: the connection the handle sends to, and the worker behind it. */
    private final class FakeWorker implements WorkerLink {

        private final Script script;
        private final Map<String, Integer> finishes = new HashMap<>();
        private WorkerHandle handle;
        private FakeProcess process;
        private boolean reading;
        /** The node it hangs in, and the unit it runs, while it hangs. */
        private TestDescriptor hung;

        private RunUnit hungUnit;

        FakeWorker(Script script) {
            this.script = script;
        }

        @Override
        public void send(ToWorker message) {
            log.add(handle.name() + " <- " + describe(message));
            if (message instanceof RunUnit unit) {
                runUnit(unit);
            } else if (message instanceof Message.DumpThreads) {
                handle.received(new Message.ThreadDump("fake threads of " + handle.name()));
            } else if (message instanceof Message.Cancel && hung != null) {
                endCancelled();
            }
        }

        @Override
        public void startReading(WorkerHandle connected) {
            reading = true;
            if (script.diesOnConnect()) {
                log.add(handle.name() + " dies on connecting");
                process.exit(1);
                connectionLost();
            }
        }

        @Override
        public boolean reading() {
            return reading;
        }

        @Override
        public void close() {}

        void connectionLost() {
            if (reading) {
                reading = false;
                handle.connectionEnded(new EOFException("connection closed"));
            }
        }

        private void runUnit(RunUnit unit) {
            for (TestDescriptor top : root.getChildren()) {
                if (!walk(top, unit)) {
                    return;
                }
            }
            handle.received(new UnitDone(unit.unitId(), null));
        }

        /** Runs a node the unit allows, and what it allows below it; false when the worker stopped on the way. */
        private boolean walk(TestDescriptor node, RunUnit unit) {
            String id = node.getUniqueId().toString();
            if (!unit.allowedIds().contains(id)) {
                return true;
            }
            Action action = script.actions().get(node.getDisplayName());
            handle.received(new Started(id));
            if (action == Action.CRASH) {
                log.add(handle.name() + " crashes in " + node.getDisplayName());
                process.exit(134);
                connectionLost();
                return false;
            }
            if (action == Action.READER_DIES) {
                log.add(handle.name() + "'s reading thread dies in " + node.getDisplayName());
                reading = false;
                return false;
            }
            if (action == Action.HANG) {
                log.add(handle.name() + " hangs in " + node.getDisplayName());
                hung = node;
                hungUnit = unit;
                return false;
            }
            for (TestDescriptor child : node.getChildren()) {
                if (!walk(child, unit)) {
                    return false;
                }
            }
            Status status = action == Action.FAIL ? Status.FAILED : Status.SUCCESSFUL;
            handle.received(new Finished(id, status, null));
            if (action == Action.DUPLICATE_FINISH) {
                handle.received(new Finished(id, status, null));
            }
            finishes.merge(id, 1, Integer::sum);
            return true;
        }

        /**
         * Cancelled while it hangs, as a JUnit 6 worker would be: the test it hangs in ends, the allowed tests after it
         * in its class are skipped, the class ends, and so does the unit.
         */
        private void endCancelled() {
            TestDescriptor parent = hung.getParent().orElseThrow();
            handle.received(new Finished(hung.getUniqueId().toString(), Status.SUCCESSFUL, null));
            List<? extends TestDescriptor> siblings = List.copyOf(parent.getChildren());
            for (TestDescriptor next : siblings.subList(siblings.indexOf(hung) + 1, siblings.size())) {
                if (hungUnit.allowedIds().contains(next.getUniqueId().toString())) {
                    handle.received(new Message.Skipped(next.getUniqueId().toString(), "cancelled"));
                }
            }
            handle.received(new Finished(parent.getUniqueId().toString(), Status.SUCCESSFUL, null));
            handle.received(new UnitDone(hungUnit.unitId(), null));
            hung = null;
        }

        private String describe(ToWorker message) {
            if (message instanceof RunUnit unit) {
                List<String> names = new ArrayList<>();
                root.accept(d -> {
                    if (unit.allowedIds().contains(d.getUniqueId().toString())) {
                        names.add(d.getDisplayName());
                    }
                });
                return "run unit " + unit.unitId() + " " + new TreeSet<>(names);
            }
            return message.getClass().getSimpleName()
                    + (message instanceof Message.Verdict verdict ? "(cancelled=" + verdict.cancelled() + ")" : "");
        }
    }
}
