/**
 * What a forked run did, told back to the user: a record of which unit ran on which worker and when, with the outcome
 * of its tests as the launcher's listener saw them; the run's figures (work, lower bound, efficiency); the summary on
 * the console; and the report files {@code xdist-report.json} and {@code xdist-report.html}.
 *
 * <p>The coordinator feeds the {@link io.github.junitxdist.report.RunRecord} (units starting and ending, workers
 * warming up) and wraps the launcher's listener in a {@link io.github.junitxdist.report.RecordingListener}; everything
 * else here is pure: figures, text, JSON and HTML from an immutable {@link io.github.junitxdist.report.RunReport}.
 *
 * <p>Depends on {@code api} (the names of configuration keys in messages) and the JUnit Platform engine API; knows
 * nothing of workers, scheduling or the protocol. Only {@code coordinator} depends on it.
 */
@NullMarked
package io.github.junitxdist.report;

import org.jspecify.annotations.NullMarked;
