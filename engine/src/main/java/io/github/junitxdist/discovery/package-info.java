/**
 * Discovery: taking tests over from the Jupiter engine (the take-over record, its post-discovery filter and discovery
 * listener) and re-selecting one unit in a worker.
 *
 * <p>Depends on {@code api} and the JUnit Platform engine and launcher APIs.
 */
@NullMarked
package io.github.junitxdist.discovery;

import org.jspecify.annotations.NullMarked;
