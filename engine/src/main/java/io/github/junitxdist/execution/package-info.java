/**
 * Execution: the plan of a run, the coordinator that hands units to workers, and the relay of worker events to the
 * launcher's listener.
 *
 * <p>Depends on {@code api}, {@code config}, {@code discovery}, {@code history}, {@code scheduling}, {@code process},
 * {@code protocol} and {@code worker} (whose unit runner also serves runs in the calling JVM).
 */
@NullMarked
package io.github.junitxdist.execution;

import org.jspecify.annotations.NullMarked;
