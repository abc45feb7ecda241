package io.github.junitxdist.coordinator;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.relay.UnitRelay;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The requests of units that resume after their worker was lost: the original request, less what already ended; and of
 * units narrowed to fewer tests than the plan's. Such a unit's duration says nothing about the unit, so it is not
 * recorded. Coordinator thread only.
 */
final class Reruns {

    private final ExecutionPlan plan;
    private final Map<Integer, RunUnit> requests = new HashMap<>();

    Reruns(ExecutionPlan plan) {
        this.plan = plan;
    }

    /** Notes that a unit resumes: its next request selects only what its relay has not seen end. */
    void resume(WorkUnit unit, UnitRelay relay) {
        RunUnit original = request(unit);
        requests.put(
                unit.id(),
                new RunUnit(original.unitId(), original.selectors(), relay.remaining(original.allowedIds())));
    }

    /** Runs the unit with this request instead of the plan's: the isolation check narrows a unit to one test. */
    void narrow(WorkUnit unit, RunUnit request) {
        requests.put(unit.id(), request);
    }

    /** What a worker is sent to run the unit: the plan's request, or what is left of it when it resumes. */
    RunUnit request(WorkUnit unit) {
        RunUnit rerun = requests.get(unit.id());
        return rerun != null ? rerun : plan.request(unit);
    }

    boolean isRerun(WorkUnit unit) {
        return requests.containsKey(unit.id());
    }
}
