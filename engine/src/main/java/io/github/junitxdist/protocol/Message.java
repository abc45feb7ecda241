package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;

/**
 * The closed set of messages exchanged between the engine in the calling JVM (the parent) and a worker JVM, split by
 * direction: {@link ToWorker} and {@link ToParent}.
 *
 * <p>They follow a {@link Handshake}, which a worker sends first. Every message of a direction is dispatched through
 * that direction's visitor ({@link ToWorker.Visitor}, {@link ToParent.Visitor}): a new message type does not compile
 * until every place that handles its direction says what to do with it. {@link MessageCodec} maps each type to its tag
 * in one place. Unique ids travel in their string form; they are the same in both JVMs because the worker's engine
 * carries the same engine id.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public sealed interface Message permits Message.ToWorker, Message.ToParent {

    /**
     * A message from the parent to a worker: {@link Init}, {@link RunUnit}, {@link Cancel}, {@link Verdict},
     * {@link DumpThreads}, {@link Shutdown}.
     */
    sealed interface ToWorker extends Message permits Init, RunUnit, Shutdown, Cancel, Verdict, DumpThreads {

        <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor);

        /** One method per message to a worker; implementations say what the receiving side does with each. */
        interface Visitor<R extends @Nullable Object> {
            R init(Init message);

            R runUnit(RunUnit message);

            R shutdown(Shutdown message);

            R cancel(Cancel message);

            R verdict(Verdict message);

            R dumpThreads(DumpThreads message);
        }
    }

    /**
     * A message from a worker to the parent: the execution events {@link DynamicTestRegistered}, {@link Started},
     * {@link Skipped}, {@link Finished}, {@link ReportEntry}, {@link FileEntry}, the test output {@link Output},
     * {@link UnitDone}, {@link ThreadDump} and {@link Exiting}.
     */
    sealed interface ToParent extends Message
            permits DynamicTestRegistered,
                    Started,
                    Skipped,
                    Finished,
                    ReportEntry,
                    FileEntry,
                    Output,
                    UnitDone,
                    ThreadDump,
                    Exiting {

        <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor);

        /** One method per message to the parent; implementations say what the receiving side does with each. */
        interface Visitor<R extends @Nullable Object> {
            R dynamicTestRegistered(DynamicTestRegistered message);

            R started(Started message);

            R skipped(Skipped message);

            R finished(Finished message);

            R reportEntry(ReportEntry message);

            R fileEntry(FileEntry message);

            R output(Output message);

            R unitDone(UnitDone message);

            R threadDump(ThreadDump message);

            R exiting(Exiting message);
        }
    }

    /** How a test or container ended; the same constants as JUnit's {@code TestExecutionResult.Status}. */
    enum Status {
        SUCCESSFUL,
        ABORTED,
        FAILED
    }

    /**
     * Sent once per run of the parent, before its first {@link RunUnit} to this worker: the configuration parameters
     * and system properties the worker's units run with. A worker kept warm between runs gets one from each run.
     */
    record Init(Map<String, String> configurationParameters, Map<String, String> systemProperties) implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.init(this);
        }
    }

    /**
     * Run one work unit.
     *
     * @param selectors the selector identifiers (as from {@code DiscoverySelector.toIdentifier()}) that select the unit
     * @param allowedIds the unique ids the parent's discovery kept after filtering; everything else is filtered out
     */
    record RunUnit(int unitId, List<String> selectors, Set<String> allowedIds) implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.runUnit(this);
        }
    }

    /** Asks the worker to finish and exit. */
    record Shutdown() implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.shutdown(this);
        }
    }

    /** Asks the worker to cancel the unit it runs (JUnit 6 only: the tests not started yet are skipped). */
    record Cancel() implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.cancel(this);
        }
    }

    /**
     * The parent's answer to a {@link Finished} with status {@link Status#FAILED}, sent once it has reported that
     * failure: whether the run is cancelled now. The worker holds the failing test's thread until it comes.
     */
    record Verdict(boolean cancelled) implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.verdict(this);
        }
    }

    /** Asks the worker for a {@link ThreadDump}, answered even while a test blocks the worker's main thread. */
    record DumpThreads() implements ToWorker {
        @Override
        public <R extends @Nullable Object> R accept(ToWorker.Visitor<R> visitor) {
            return visitor.dumpThreads(this);
        }
    }

    /** The worker's JVM has begun to exit (its shutdown hooks run); it should be gone within moments. */
    record Exiting() implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.exiting(this);
        }
    }

    /** The stack traces and locks of all the worker's threads. */
    record ThreadDump(String text) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.threadDump(this);
        }
    }

    /**
     * A dynamic test or container was registered: what the parent needs to add it to its tree, each field as the
     * worker's {@code TestIdentifier} has it.
     *
     * @param parentId the id of the node it was registered below; on the wire, {@code uniqueId} travels as the part
     *     that follows this one, when it starts with it
     * @param source where it comes from, {@code null} for nowhere; see {@link TestSources}
     */
    record DynamicTestRegistered(
            String uniqueId,
            String parentId,
            String displayName,
            String legacyReportingName,
            TestDescriptor.Type type,
            List<String> tags,
            @Nullable Source source)
            implements ToParent {

        /**
         * What follows the parent's id in this one, when this id is the parent's and one more segment (as every
         * dynamic id of Jupiter's is); {@code null} otherwise. Only that part travels, and only it is parsed again.
         */
        public @Nullable String lastSegment() {
            int prefix = parentId.length();
            return uniqueId.length() > prefix + 1 && uniqueId.charAt(prefix) == '/' && uniqueId.startsWith(parentId)
                    ? uniqueId.substring(prefix + 1)
                    : null;
        }

        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.dynamicTestRegistered(this);
        }
    }

    record Started(String uniqueId) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.started(this);
        }
    }

    record Skipped(String uniqueId, String reason) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.skipped(this);
        }
    }

    record Finished(
            String uniqueId, Status status, @Nullable RemoteThrowable throwable) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.finished(this);
        }
    }

    record ReportEntry(String uniqueId, Map<String, String> keyValuePairs) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.reportEntry(this);
        }
    }

    record FileEntry(String uniqueId, String path, @Nullable String mediaType) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.fileEntry(this);
        }
    }

    /** Bytes a test wrote to {@code System.out} ({@code stderr == false}) or {@code System.err}. */
    record Output(boolean stderr, byte[] bytes) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.output(this);
        }
    }

    /**
     * The worker finished a unit.
     *
     * @param engineFailure set when the worker's engine itself failed; the parent fails what was not reported
     */
    record UnitDone(int unitId, @Nullable RemoteThrowable engineFailure) implements ToParent {
        @Override
        public <R extends @Nullable Object> R accept(ToParent.Visitor<R> visitor) {
            return visitor.unitDone(this);
        }
    }
}
