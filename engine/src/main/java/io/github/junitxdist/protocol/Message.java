package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The closed set of messages exchanged between the engine in the calling JVM (the parent) and a worker JVM.
 *
 * <p>They follow a {@link Handshake}, which a worker sends first. Parent to worker: {@link Init}, {@link RunUnit},
 * {@link Cancel}, {@link Verdict}, {@link DumpThreads}, {@link Shutdown}. Worker to parent: the execution events
 * {@link DynamicTestRegistered}, {@link Started}, {@link Skipped}, {@link Finished}, {@link ReportEntry},
 * {@link FileEntry}, the test output {@link Output}, {@link UnitDone}, {@link ThreadDump} and {@link Exiting}. Unique
 * ids travel in their string form; they are the same in both JVMs because the worker's engine carries the same engine
 * id.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Message {

    /**
     * What the worker needs before it runs anything: sent after the {@link Handshake}, and again by each later run
     * that reuses the worker. Its configuration parameters replace those of the earlier run; its system properties are
     * set over the earlier ones.
     */
    record Init(Map<String, String> configurationParameters, Map<String, String> systemProperties)
            implements Message {}

    /**
     * Run one work unit.
     *
     * @param selectors the selector identifiers (as from {@code DiscoverySelector.toIdentifier()}) that select the unit
     * @param allowedIds the unique ids the parent's discovery kept after filtering; everything else is filtered out
     */
    record RunUnit(int unitId, List<String> selectors, Set<String> allowedIds) implements Message {}

    /** Asks the worker to finish and exit. */
    record Shutdown() implements Message {}

    /** Asks the worker to cancel the unit it runs (JUnit 6 only: the tests not started yet are skipped). */
    record Cancel() implements Message {}

    /**
     * The parent's answer to a {@link Finished} with status {@code FAILED}, sent once it has reported that failure:
     * whether the run is cancelled now. The worker holds the failing test's thread until it comes.
     */
    record Verdict(boolean cancelled) implements Message {}

    /** The worker's JVM has begun to exit (its shutdown hooks run); it should be gone within moments. */
    record Exiting() implements Message {}

    /** Asks the worker for a {@link ThreadDump}, answered even while a test blocks the worker's main thread. */
    record DumpThreads() implements Message {}

    /** The stack traces and locks of all the worker's threads. */
    record ThreadDump(String text) implements Message {}

    /** A dynamic test or container was registered; {@code testIdentifier} is a Java-serialized {@code TestIdentifier}. */
    record DynamicTestRegistered(byte[] testIdentifier) implements Message {}

    record Started(String uniqueId) implements Message {}

    record Skipped(String uniqueId, String reason) implements Message {}

    /** The status is the name of a {@code TestExecutionResult.Status} constant. */
    record Finished(String uniqueId, String status, @Nullable RemoteThrowable throwable) implements Message {}

    record ReportEntry(String uniqueId, Map<String, String> keyValuePairs) implements Message {}

    record FileEntry(String uniqueId, String path, @Nullable String mediaType) implements Message {}

    /** Bytes a test wrote to {@code System.out} ({@code stderr == false}) or {@code System.err}. */
    record Output(boolean stderr, byte[] bytes) implements Message {}

    /**
     * The worker finished a unit.
     *
     * @param engineFailure set when the worker's engine itself failed; the parent fails what was not reported
     */
    record UnitDone(int unitId, @Nullable RemoteThrowable engineFailure) implements Message {}
}
