package io.github.junitxdist.scheduling;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * A shared resource a unit uses, from Jupiter's {@code @ResourceLock}: units that need the same key, where either one
 * needs it exclusively, never run at the same time on different workers.
 *
 * @param key the resource's key
 * @param exclusive {@code READ_WRITE} if true, {@code READ} otherwise
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record Lock(String key, boolean exclusive) {}
