/**
 * The wire protocol between the parent and its workers: a closed set of typed {@link
 * io.github.junitxdist.protocol.Message}s, their binary framing, and the transport of throwables.
 *
 * <p>Depends on nothing else in junit-xdist.
 */
@NullMarked
package io.github.junitxdist.protocol;

import org.jspecify.annotations.NullMarked;
