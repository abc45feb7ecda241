/**
 * A benchmark that generates synthetic Jupiter suites and times junit-xdist against its peers on them: plain Jupiter,
 * Jupiter's in-process parallel mode and Maven Surefire forks, each run as a real process on the same machine.
 *
 * <p>Entry point: {@link io.github.junitxdist.benchmarks.Benchmark}. Depends on the JDK only; the contenders' jars and
 * the Maven installation are passed in as system properties by {@code benchmarks/pom.xml}.
 */
@NullMarked
package io.github.junitxdist.benchmarks;

import org.jspecify.annotations.NullMarked;
