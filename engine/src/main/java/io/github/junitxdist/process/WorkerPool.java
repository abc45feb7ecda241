package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message.Shutdown;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Worker JVMs kept warm between runs of one calling JVM: when the engine's {@code execute} is called several times
 * (Eclipse, or Surefire with several requests), later runs reuse the workers an earlier run left idle instead of forking
 * new ones. Workers are only shared between runs that would start them the same way (same JVM options, classpath and
 * number of workers); they are stopped when the calling JVM exits.
 *
 * <p>Thread-safe; one run uses a pool at a time (runs on the same pool wait for each other).
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerPool implements Workers {

    /** What decides how a worker is started: the java command line (options, classpath) and the worker count. */
    public record Signature(List<String> jvmArgs, int workers) {}

    private static final Map<Signature, WorkerPool> POOLS = new HashMap<>();

    private final WorkerServer server;
    private final WorkerStarter starter;
    private final List<WorkerHandle> launched = new ArrayList<>();
    private final List<WorkerHandle> idle = new ArrayList<>();
    /** Workers started ahead of a run (while the Launcher still discovers) that have not connected yet. */
    private final List<WorkerHandle> starting = new ArrayList<>();

    private @Nullable WorkerEvents current;

    private WorkerPool(WorkerServer server, WorkerStarter starter) {
        this.server = server;
        this.starter = starter;
        server.acceptInBackground(this::connected);
    }

    /** The pool for workers started with the given signature, created on first use. */
    public static synchronized WorkerPool forSignature(Signature signature, Starter create) throws IOException {
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
    public interface Starter {
        WorkerStarter starter(WorkerServer server) throws IOException;
    }

    @Override
    public synchronized List<WorkerHandle> attach(WorkerEvents run) throws InterruptedException {
        while (current != null) {
            wait();
        }
        current = run;
        List<WorkerHandle> handed =
                new ArrayList<>(idle.stream().filter(WorkerHandle::isUsable).toList());
        starting.stream().filter(worker -> worker.process().isAlive()).forEach(handed::add);
        idle.clear();
        starting.clear();
        return handed;
    }

    /**
     * Starts workers {@code 0..workers-1} that the pool does not have yet, so that they are ready when the next run
     * attaches; does nothing while a run is attached. A worker that connects with no run attached waits idle.
     */
    public synchronized void prestart(int workers) throws IOException {
        if (current != null) {
            return;
        }
        for (int index = 0; index < workers; index++) {
            int wanted = index;
            boolean present = Stream.concat(idle.stream(), starting.stream())
                    .anyMatch(worker ->
                            worker.index() == wanted && worker.process().isAlive());
            if (!present) {
                starting.add(start(index));
            }
        }
    }

    /**
     * Stops the workers kept warm from earlier runs, so that the next run that attaches starts fresh ones (a replay
     * must not meet what an earlier run left in a worker's static state). Does nothing while a run is attached.
     */
    public synchronized void discardIdle() {
        if (current != null) {
            return;
        }
        List<WorkerHandle> discarded = new ArrayList<>(idle);
        discarded.addAll(starting);
        idle.clear();
        starting.clear();
        for (WorkerHandle worker : discarded) {
            boolean usable = worker.isUsable();
            worker.release();
            if (usable) {
                worker.send(new Shutdown());
            } else {
                worker.process().kill();
            }
        }
    }

    @Override
    public synchronized void detach() {
        current = null;
        notifyAll();
    }

    @Override
    public synchronized WorkerHandle start(int index) throws IOException {
        var worker = new WorkerHandle(starter.start(index, launched.size()));
        launched.add(worker);
        return worker;
    }

    @Override
    public synchronized void giveBack(WorkerHandle worker) {
        worker.release();
        idle.add(worker);
    }

    private void connected(int launch, Channel channel) {
        WorkerEvents run;
        WorkerHandle worker;
        var link = new ChannelLink(channel);
        synchronized (this) {
            run = current;
            worker = launch < launched.size() ? launched.get(launch) : null;
            if (run == null && worker != null && starting.remove(worker)) {
                worker.connected(link);
                idle.add(worker);
                return;
            }
        }
        if (run == null || worker == null) {
            channel.close();
        } else {
            run.connected(worker, link);
        }
    }

    private static synchronized void closeAll() {
        for (WorkerPool pool : POOLS.values()) {
            pool.close();
        }
        POOLS.clear();
    }

    private synchronized void close() {
        for (WorkerHandle worker : launched) {
            boolean idleAndUsable = idle.contains(worker) && worker.isUsable();
            worker.release();
            if (idleAndUsable) {
                worker.send(new Shutdown());
            } else {
                worker.process().kill();
            }
        }
        for (WorkerHandle worker : launched) {
            worker.process().awaitExitOrKill(5);
        }
        server.close();
        starter.close();
    }
}
