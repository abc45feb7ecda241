/**
 * Worker processes: building the {@code java} command line and classpath, starting workers, the loopback server they
 * connect to, and watching and stopping them.
 *
 * <p>Depends on {@code api} and {@code protocol}.
 */
@NullMarked
package io.github.junitxdist.process;

import org.jspecify.annotations.NullMarked;
