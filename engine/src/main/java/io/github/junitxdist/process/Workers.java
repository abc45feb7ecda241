package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Where a run gets its workers: the seam between the coordinator and worker JVMs. {@link WorkerPool} starts real ones;
 * a test can hand out workers whose process and connection it scripts (see {@link WorkerHandle#connected}).
 *
 * <p>All methods are called on the coordinator thread; connections are reported to the run from elsewhere, through
 * {@link WorkerEvents#connected}.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public interface Workers {

    /**
     * Binds a run, waiting while another run is bound; hands it the workers left idle by earlier runs that can still
     * take work, and those started ahead that are still starting.
     */
    List<WorkerHandle> attach(WorkerEvents run) throws InterruptedException;

    /** Starts a worker with the given index; it reports its connection through {@link WorkerEvents#connected}. */
    WorkerHandle start(int index) throws IOException;

    /** Takes back a worker that has nothing more to do in this run, released; it may serve the next run. */
    void giveBack(WorkerHandle worker);

    /** Ends the run's use of the workers; those given back stay warm. */
    void detach();
}
