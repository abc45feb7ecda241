/**
 * Duration history: how long each unit took in earlier runs, read before a run and merged back after it; and
 * {@link io.github.junitxdist.history.MergeHistories}, the command that merges the histories of several machines.
 *
 * <p>Depends on nothing else in junit-xdist.
 */
@NullMarked
package io.github.junitxdist.history;

import org.jspecify.annotations.NullMarked;
