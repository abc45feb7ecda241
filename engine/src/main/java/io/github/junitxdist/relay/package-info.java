/**
 * The relay of worker events to the launcher's listener: one {@link io.github.junitxdist.relay.UnitRelay} per unit, the
 * run's shared {@link io.github.junitxdist.relay.TreeState}, output held back until a worker's next finish, the
 * descriptors of dynamic tests, and the listener wrapper that serializes every call. It guards the listener contract:
 * every node is reported exactly once, inside its parent, whatever workers send or fail to send.
 *
 * <p>Depends on {@code plan} (a unit's scope), {@code protocol} and the JUnit Platform engine and launcher APIs; knows
 * nothing of processes, threads or scheduling.
 */
@NullMarked
package io.github.junitxdist.relay;

import org.jspecify.annotations.NullMarked;
