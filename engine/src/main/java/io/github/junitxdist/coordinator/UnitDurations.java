package io.github.junitxdist.coordinator;

import io.github.junitxdist.history.DurationHistory;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long each unit took when several run in one execution: the time from each of its top-level classes' start to
 * its finish, added up. Called on the threads the tests run on, one event at a time (the relay's listener serializes
 * them); read once the execution is over.
 */
final class UnitDurations {

    private final Map<String, WorkUnit> unitOfTop;
    private final Map<String, Long> startedAt = new HashMap<>();
    private final Map<WorkUnit, Long> nanos = new LinkedHashMap<>();

    UnitDurations(Map<String, WorkUnit> unitOfTop) {
        this.unitOfTop = unitOfTop;
    }

    synchronized void seen(Message.ToParent message) {
        if (message instanceof Message.Started started && unitOfTop.containsKey(started.uniqueId())) {
            startedAt.put(started.uniqueId(), System.nanoTime());
        } else if (message instanceof Message.Finished finished) {
            Long start = startedAt.remove(finished.uniqueId());
            WorkUnit unit = unitOfTop.get(finished.uniqueId());
            if (start != null && unit != null) {
                nanos.merge(unit, System.nanoTime() - start, Long::sum);
            }
        }
    }

    synchronized void recordIn(DurationHistory history) {
        nanos.forEach((unit, total) -> history.record(unit.uniqueId(), TimeUnit.NANOSECONDS.toMillis(total)));
    }
}
