/**
 * The public surface of junit-xdist: the {@link io.github.junitxdist.api.Serial} and
 * {@link io.github.junitxdist.api.XdistGroup} annotations, the {@link io.github.junitxdist.api.Constants} that name
 * every configuration key and worker identity property, the {@link io.github.junitxdist.api.FixtureAffinity} service
 * interface, and the exceptions a user sees: {@link io.github.junitxdist.api.InvalidConfigurationException} and
 * {@link io.github.junitxdist.api.WorkerLostException}.
 *
 * <p>Depends on nothing else in junit-xdist, nor on JUnit.
 */
@NullMarked
package io.github.junitxdist.api;

import org.jspecify.annotations.NullMarked;
