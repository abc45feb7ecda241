package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * One shard of a suite split over several machines ({@code xdist.shard=i/n}).
 *
 * @param index which shard this run is, from 1 to {@code total}
 * @param total how many shards the suite is split into, at least 1
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record Shard(int index, int total) {

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("shard " + index + "/" + total);
        }
    }

    @Override
    public String toString() {
        return index + "/" + total;
    }
}
