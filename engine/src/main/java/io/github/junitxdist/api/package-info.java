/**
 * The public surface of junit-xdist: the {@link io.github.junitxdist.api.Serial} annotation and the
 * {@link io.github.junitxdist.api.Constants} that name every configuration key and worker identity property.
 *
 * <p>Depends on nothing but the JUnit Platform annotations.
 */
@NullMarked
package io.github.junitxdist.api;

import org.jspecify.annotations.NullMarked;
