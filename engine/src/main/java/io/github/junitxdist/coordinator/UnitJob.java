package io.github.junitxdist.coordinator;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.process.WorkerJob;
import io.github.junitxdist.protocol.Message.ToParent;
import io.github.junitxdist.protocol.Message.UnitDone;
import io.github.junitxdist.relay.UnitRelay;
import io.github.junitxdist.scheduling.WorkUnit;

/**
 * A unit on its way through one worker: the worker's events go to the unit's relay, on the worker's reading thread.
 *
 * <p>Immutable; the relay it hands events to is confined to that thread while the unit runs.
 */
record UnitJob(WorkUnit unit, UnitRelay relay) implements WorkerJob {

    @Override
    public void relay(ToParent message) {
        relay.handle(message);
    }

    @Override
    public void done(UnitDone done, String workerName) {
        relay.finish(done.engineFailure(), workerName);
    }

    @Override
    public boolean lost(String reason) {
        return relay.workerLost(new WorkerLostException(reason));
    }

    @Override
    public long innermostSince() {
        UnitRelay.OpenNode node = relay.innermostOpen();
        return node == null ? 0 : node.since();
    }
}
