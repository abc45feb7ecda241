package io.github.junitxdist.execution;

import io.github.junitxdist.process.WorkerServer;
import io.github.junitxdist.process.WorkerStarter;
import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message.Shutdown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Worker JVMs kept warm between runs of one calling JVM: when the engine's {@code execute} is called several times
 * (Eclipse, or Surefire with several requests), later runs reuse the workers an earlier run left idle instead of forking
 * new ones. Workers are only shared between runs that would start them the same way (same JVM options, classpath and
 * number of workers); they are stopped when the calling JVM exits.
 *
 * <p>Thread-safe; one run uses a pool at a time (runs on the same pool wait for each other).
 */
final class WorkerPool {

    /** What decides how a worker is started: the java command line (options, classpath) and the worker count. */
    record Signature(List<String> jvmArgs, int workers) {}

    private static final Map<Signature, WorkerPool> POOLS = new HashMap<>();

    private final WorkerServer server;
    private final WorkerStarter starter;
    private final List<WorkerSlot> launched = new ArrayList<>();
    private final List<WorkerSlot> idle = new ArrayList<>();
    /** Workers started ahead of a run (while the Launcher still discovers) that have not connected yet. */
    private final List<WorkerSlot> starting = new ArrayList<>();
    private @Nullable ForkedExecution current;

    private WorkerPool(WorkerServer server, WorkerStarter starter) {
        this.server = server;
        this.starter = starter;
        server.acceptInBackground(this::connected);
    }

    /** The pool for workers started with the given signature, created on first use. */
    static synchronized WorkerPool forSignature(Signature signature, Starter create) throws IOException {
        WorkerPool pool = POOLS.get(signature);
        if (pool == null) {
            var server = new WorkerServer();
            pool = new WorkerPool(server, create.starter(server));
            POOLS.put(signature, pool);
            if (POOLS.size() == 1) {
                Runtime.getRuntime().addShutdownHook(new Thread(WorkerPool::closeAll, "junit-xdist-pool-shutdown"));
            }
        }
        return pool;
    }

    /** Creates the starter of a new pool's workers. */
    @FunctionalInterface
    interface Starter {
        WorkerStarter starter(WorkerServer server) throws IOException;
    }

    /**
     * Binds the pool to a run and hands it the idle workers that can still take work, and the workers started ahead
     * that are still starting (not {@linkplain WorkerSlot#connected connected} yet).
     */
    synchronized List<WorkerSlot> attach(ForkedExecution execution) throws InterruptedException {
        while (current != null) {
            wait();
        }
        current = execution;
        List<WorkerSlot> handed = new ArrayList<>(idle.stream().filter(WorkerSlot::isUsable).toList());
        starting.stream().filter(slot -> slot.process.isAlive()).forEach(handed::add);
        idle.clear();
        starting.clear();
        return handed;
    }

    /**
     * Starts workers {@code 0..workers-1} that the pool does not have yet, so that they are ready when the next run
     * attaches; does nothing while a run is attached. A worker that connects with no run attached waits idle.
     */
    synchronized void prestart(int workers) throws IOException {
        if (current != null) {
            return;
        }
        for (int index = 0; index < workers; index++) {
            int wanted = index;
            boolean present = java.util.stream.Stream.concat(idle.stream(), starting.stream())
                    .anyMatch(slot -> slot.index == wanted && slot.process.isAlive());
            if (!present) {
                starting.add(start(index));
            }
        }
    }

    /** Ends the run's use of the pool; the workers it gave back stay warm. */
    synchronized void detach() {
        current = null;
        notifyAll();
    }

    /** Starts a worker with the given index; it connects back through {@link ForkedExecution#connected}. */
    synchronized WorkerSlot start(int index) throws IOException {
        var slot = new WorkerSlot(starter.start(index, launched.size()));
        launched.add(slot);
        return slot;
    }

    /** Takes back a worker that has nothing more to do in this run. */
    synchronized void giveBack(WorkerSlot slot) {
        idle.add(slot);
    }

    private void connected(int launch, Channel channel) {
        ForkedExecution execution;
        WorkerSlot slot;
        synchronized (this) {
            execution = current;
            slot = launch < launched.size() ? launched.get(launch) : null;
            if (execution == null && slot != null && starting.remove(slot)) {
                slot.startRelaying(channel);
                idle.add(slot);
                return;
            }
        }
        if (execution == null || slot == null) {
            channel.close();
        } else {
            execution.connected(slot, channel);
        }
    }

    private static synchronized void closeAll() {
        for (WorkerPool pool : POOLS.values()) {
            pool.close();
        }
        POOLS.clear();
    }

    private synchronized void close() {
        for (WorkerSlot slot : launched) {
            slot.released = true;
            Channel channel = slot.channel;
            try {
                if (idle.contains(slot) && channel != null) {
                    channel.send(new Shutdown());
                } else {
                    slot.process.kill();
                }
            } catch (IOException e) {
                slot.process.kill();
            }
        }
        for (WorkerSlot slot : launched) {
            slot.process.awaitExitOrKill(5);
        }
        server.close();
        starter.close();
    }
}
