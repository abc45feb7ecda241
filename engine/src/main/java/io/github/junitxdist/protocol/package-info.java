/**
 * The wire protocol between the parent and its workers: a closed set of typed {@link
 * io.github.junitxdist.protocol.Message}s, their binary framing, and the transport of throwables.
 *
 * <p>Depends on nothing else in junit-xdist; of the JUnit Platform, it knows the engine API's test source types (in
 * {@link io.github.junitxdist.protocol.TestSources}) and {@code TestDescriptor.Type}, as a dynamic registration carries
 * them.
 */
@NullMarked
package io.github.junitxdist.protocol;

import org.jspecify.annotations.NullMarked;
