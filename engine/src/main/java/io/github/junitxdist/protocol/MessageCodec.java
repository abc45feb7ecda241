package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message.Cancel;
import io.github.junitxdist.protocol.Message.DumpThreads;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.Exiting;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.Shutdown;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Message.Status;
import io.github.junitxdist.protocol.Message.ThreadDump;
import io.github.junitxdist.protocol.Message.UnitDone;
import io.github.junitxdist.protocol.Message.Verdict;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;

/**
 * Writes and reads {@link Message}s as tagged binary frames: a tag byte ({@link Tag}), then the message's fields.
 *
 * <p>Stateless; callers serialize access to one stream themselves.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class MessageCodec {

    /**
     * The one place that maps message types to the tag bytes on the wire. Tag 1 was the worker's first message, which
     * the fixed-length {@link Handshake} replaced; tag 5 a dynamic registration that carried a Java-serialized
     * {@code TestIdentifier} (protocol {@code h1}); tags are never reused.
     */
    enum Tag {
        INIT(2),
        RUN_UNIT(3),
        SHUTDOWN(4),
        STARTED(6),
        SKIPPED(7),
        FINISHED(8),
        REPORT_ENTRY(9),
        FILE_ENTRY(10),
        OUTPUT(11),
        UNIT_DONE(12),
        DUMP_THREADS(13),
        THREAD_DUMP(14),
        CANCEL(15),
        VERDICT(16),
        EXITING(17),
        DYNAMIC_TEST_REGISTERED(18);

        final int code;

        Tag(int code) {
            this.code = code;
        }

        static Tag of(int code) throws StreamCorruptedException {
            for (Tag tag : values()) {
                if (tag.code == code) {
                    return tag;
                }
            }
            throw new StreamCorruptedException("Unknown junit-xdist message tag " + code);
        }
    }

    private MessageCodec() {}

    /** Writes one message; does not flush. */
    public static void write(DataOutput out, Message message) throws IOException {
        var writer = new FieldWriter(out);
        if (message instanceof Message.ToWorker toWorker) {
            toWorker.accept(writer.toWorker);
        } else if (message instanceof Message.ToParent toParent) {
            toParent.accept(writer.toParent);
        } else {
            throw new IllegalArgumentException("Not a junit-xdist message: " + message); // Message is sealed to both
        }
        writer.rethrow();
    }

    /** Reads one message; blocks until it is complete. */
    public static Message read(DataInput in) throws IOException {
        var r = new Fields.Reader(in);
        return switch (Tag.of(in.readUnsignedByte())) {
            case INIT -> new Init(r.map(), r.map());
            case RUN_UNIT -> new RunUnit(in.readInt(), r.strings(), r.stringSet());
            case SHUTDOWN -> new Shutdown();
            case DYNAMIC_TEST_REGISTERED -> dynamicTestRegistered(r);
            case STARTED -> new Started(r.string());
            case SKIPPED -> new Skipped(r.string(), r.string());
            case FINISHED -> new Finished(r.string(), status(r.string()), r.throwable());
            case REPORT_ENTRY -> new ReportEntry(r.string(), r.map());
            case FILE_ENTRY -> new FileEntry(r.string(), r.string(), r.nullableString());
            case OUTPUT -> new Output(in.readBoolean(), r.bytes());
            case UNIT_DONE -> new UnitDone(in.readInt(), r.throwable());
            case DUMP_THREADS -> new DumpThreads();
            case THREAD_DUMP -> new ThreadDump(r.string());
            case CANCEL -> new Cancel();
            case VERDICT -> new Verdict(in.readBoolean());
            case EXITING -> new Exiting();
        };
    }

    private static DynamicTestRegistered dynamicTestRegistered(Fields.Reader r) throws IOException {
        String parentId = r.string();
        boolean relative = r.in().readBoolean();
        String id = r.string();
        String displayName = r.string();
        String legacyReportingName = r.nullableString();
        return new DynamicTestRegistered(
                relative ? parentId + '/' + id : id,
                parentId,
                displayName,
                legacyReportingName == null ? displayName : legacyReportingName,
                nodeType(r.in().readUnsignedByte()),
                r.strings(),
                r.source());
    }

    private static TestDescriptor.Type nodeType(int code) throws StreamCorruptedException {
        return switch (code) {
            case 0 -> TestDescriptor.Type.CONTAINER;
            case 1 -> TestDescriptor.Type.TEST;
            case 2 -> TestDescriptor.Type.CONTAINER_AND_TEST;
            default -> throw new StreamCorruptedException("Unknown junit-xdist node type " + code);
        };
    }

    private static int code(TestDescriptor.Type type) {
        return switch (type) {
            case CONTAINER -> 0;
            case TEST -> 1;
            case CONTAINER_AND_TEST -> 2;
        };
    }

    private static Status status(String name) throws StreamCorruptedException {
        try {
            return Status.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new StreamCorruptedException("Unknown junit-xdist result status " + name);
        }
    }

    /** Writes each message's tag and fields; visitors cannot throw checked exceptions, so the first one is kept. */
    private static final class FieldWriter {

        private final DataOutput out;
        private final Fields.Writer w;
        private @Nullable IOException failure;

        FieldWriter(DataOutput out) {
            this.out = out;
            this.w = new Fields.Writer(out);
        }

        private @Nullable Void write(Tag tag, IoAction fields) {
            try {
                out.writeByte(tag.code);
                fields.run();
            } catch (IOException e) {
                failure = e;
            }
            return null;
        }

        void rethrow() throws IOException {
            IOException first = failure;
            if (first != null) {
                throw first;
            }
        }

        final Message.ToWorker.Visitor<@Nullable Void> toWorker = new Message.ToWorker.Visitor<>() {
            @Override
            public @Nullable Void init(Init m) {
                return write(Tag.INIT, () -> {
                    w.map(m.configurationParameters());
                    w.map(m.systemProperties());
                });
            }

            @Override
            public @Nullable Void runUnit(RunUnit m) {
                return write(Tag.RUN_UNIT, () -> {
                    out.writeInt(m.unitId());
                    w.strings(m.selectors());
                    w.strings(m.allowedIds());
                });
            }

            @Override
            public @Nullable Void shutdown(Shutdown m) {
                return write(Tag.SHUTDOWN, () -> {});
            }

            @Override
            public @Nullable Void cancel(Cancel m) {
                return write(Tag.CANCEL, () -> {});
            }

            @Override
            public @Nullable Void verdict(Verdict m) {
                return write(Tag.VERDICT, () -> out.writeBoolean(m.cancelled()));
            }

            @Override
            public @Nullable Void dumpThreads(DumpThreads m) {
                return write(Tag.DUMP_THREADS, () -> {});
            }
        };

        final Message.ToParent.Visitor<@Nullable Void> toParent = new Message.ToParent.Visitor<>() {
            @Override
            public @Nullable Void dynamicTestRegistered(DynamicTestRegistered m) {
                return write(Tag.DYNAMIC_TEST_REGISTERED, () -> {
                    String lastSegment = m.lastSegment();
                    w.string(m.parentId());
                    out.writeBoolean(lastSegment != null);
                    w.string(lastSegment != null ? lastSegment : m.uniqueId());
                    w.string(m.displayName());
                    w.string(m.legacyReportingName().equals(m.displayName()) ? null : m.legacyReportingName());
                    out.writeByte(code(m.type()));
                    w.strings(m.tags());
                    w.source(m.source());
                });
            }

            @Override
            public @Nullable Void started(Started m) {
                return write(Tag.STARTED, () -> w.string(m.uniqueId()));
            }

            @Override
            public @Nullable Void skipped(Skipped m) {
                return write(Tag.SKIPPED, () -> {
                    w.string(m.uniqueId());
                    w.string(m.reason());
                });
            }

            @Override
            public @Nullable Void finished(Finished m) {
                return write(Tag.FINISHED, () -> {
                    w.string(m.uniqueId());
                    w.string(m.status().name());
                    w.throwable(m.throwable());
                });
            }

            @Override
            public @Nullable Void reportEntry(ReportEntry m) {
                return write(Tag.REPORT_ENTRY, () -> {
                    w.string(m.uniqueId());
                    w.map(m.keyValuePairs());
                });
            }

            @Override
            public @Nullable Void fileEntry(FileEntry m) {
                return write(Tag.FILE_ENTRY, () -> {
                    w.string(m.uniqueId());
                    w.string(m.path());
                    w.string(m.mediaType());
                });
            }

            @Override
            public @Nullable Void output(Output m) {
                return write(Tag.OUTPUT, () -> {
                    out.writeBoolean(m.stderr());
                    w.bytes(m.bytes());
                });
            }

            @Override
            public @Nullable Void unitDone(UnitDone m) {
                return write(Tag.UNIT_DONE, () -> {
                    out.writeInt(m.unitId());
                    w.throwable(m.engineFailure());
                });
            }

            @Override
            public @Nullable Void threadDump(ThreadDump m) {
                return write(Tag.THREAD_DUMP, () -> w.string(m.text()));
            }

            @Override
            public @Nullable Void exiting(Exiting m) {
                return write(Tag.EXITING, () -> {});
            }
        };
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
