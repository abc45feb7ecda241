package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A piece of work that runs on one worker from start to end: by default one top-level test class with its
 * {@code @Nested} classes.
 *
 * @param id dense index of the unit in this run
 * @param uniqueId the unique id of the unit's root descriptor
 * @param serial whether the unit must run on the serial worker, never overlapping another serial unit
 * @param tests how many tests (or test templates and factories) the unit holds
 * @param cost estimated cost, larger runs longer: the unit's duration in earlier runs in milliseconds, or an estimate
 *     from its number of tests (see {@link Costs})
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record WorkUnit(int id, String uniqueId, boolean serial, long tests, long cost) {

    public WorkUnit withCost(long newCost) {
        return new WorkUnit(id, uniqueId, serial, tests, newCost);
    }
}
