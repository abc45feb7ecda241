/**
 * The wire protocol between the parent and its workers: a closed set of typed {@link
 * io.github.junitxdist.protocol.Message}s, their binary framing, and the transport of throwables.
 *
 * <p>Depends on nothing else in junit-xdist; of the JUnit Platform, only {@link io.github.junitxdist.protocol.TestSources}
 * knows the engine API's test source types.
 */
@NullMarked
package io.github.junitxdist.protocol;

import org.jspecify.annotations.NullMarked;
