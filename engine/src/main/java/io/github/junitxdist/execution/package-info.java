/**
 * Holds {@link io.github.junitxdist.execution.WorkerLostException} only, where user code may already catch it; it is
 * to move to {@code api}. The coordinator lives in {@code coordinator}, the relay in {@code relay}.
 *
 * <p>Depends on nothing else in junit-xdist.
 */
@NullMarked
package io.github.junitxdist.execution;

import org.jspecify.annotations.NullMarked;
