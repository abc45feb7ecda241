/**
 * Duration history: how long each unit took in earlier runs, read before a run and merged back after it.
 *
 * <p>Depends on nothing else in junit-xdist.
 */
@NullMarked
package io.github.junitxdist.history;

import org.jspecify.annotations.NullMarked;
