/**
 * The configuration of a run: one immutable {@link io.github.junitxdist.config.XdistConfiguration}, parsed and
 * validated once from configuration parameters and the environment.
 *
 * <p>Depends on {@code api}, {@code scheduling} (for the names of the distribution modes) and the JUnit Platform
 * engine API only.
 */
@NullMarked
package io.github.junitxdist.config;

import org.jspecify.annotations.NullMarked;
