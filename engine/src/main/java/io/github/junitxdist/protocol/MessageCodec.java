package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Message.DumpThreads;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.Shutdown;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Message.ThreadDump;
import io.github.junitxdist.protocol.Message.UnitDone;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import org.apiguardian.api.API;

/**
 * Writes and reads {@link Message}s as tagged binary frames.
 *
 * <p>Stateless; callers serialize access to one stream themselves.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class MessageCodec {

    private MessageCodec() {}

    /** Writes one message; does not flush. */
    public static void write(DataOutput out, Message message) throws IOException {
        var w = new Fields.Writer(out);
        // Tag 1 was the worker's first message, which the fixed-length Handshake replaced.
        if (message instanceof Init m) {
            out.writeByte(2);
            w.map(m.configurationParameters());
            w.map(m.systemProperties());
        } else if (message instanceof RunUnit m) {
            out.writeByte(3);
            out.writeInt(m.unitId());
            w.strings(m.selectors());
            w.strings(m.allowedIds());
        } else if (message instanceof Shutdown) {
            out.writeByte(4);
        } else if (message instanceof DynamicTestRegistered m) {
            out.writeByte(5);
            w.bytes(m.testIdentifier());
        } else if (message instanceof Started m) {
            out.writeByte(6);
            w.string(m.uniqueId());
        } else if (message instanceof Skipped m) {
            out.writeByte(7);
            w.string(m.uniqueId());
            w.string(m.reason());
        } else if (message instanceof Finished m) {
            out.writeByte(8);
            w.string(m.uniqueId());
            w.string(m.status());
            w.throwable(m.throwable());
        } else if (message instanceof ReportEntry m) {
            out.writeByte(9);
            w.string(m.uniqueId());
            w.map(m.keyValuePairs());
        } else if (message instanceof FileEntry m) {
            out.writeByte(10);
            w.string(m.uniqueId());
            w.string(m.path());
            w.string(m.mediaType());
        } else if (message instanceof Output m) {
            out.writeByte(11);
            out.writeBoolean(m.stderr());
            w.bytes(m.bytes());
        } else if (message instanceof UnitDone m) {
            out.writeByte(12);
            out.writeInt(m.unitId());
            w.throwable(m.engineFailure());
        } else if (message instanceof Message.Cancel) {
            out.writeByte(15);
        } else if (message instanceof Message.Verdict m) {
            out.writeByte(16);
            out.writeBoolean(m.cancelled());
        } else if (message instanceof Message.Exiting) {
            out.writeByte(17);
        } else if (message instanceof DumpThreads) {
            out.writeByte(13);
        } else if (message instanceof ThreadDump m) {
            out.writeByte(14);
            w.string(m.text());
        } else {
            throw new IllegalArgumentException("Not a junit-xdist message: " + message);
        }
    }

    /** Reads one message; blocks until it is complete. */
    public static Message read(DataInput in) throws IOException {
        var r = new Fields.Reader(in);
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case 2 -> new Init(r.map(), r.map());
            case 3 -> new RunUnit(in.readInt(), r.strings(), r.stringSet());
            case 4 -> new Shutdown();
            case 5 -> new DynamicTestRegistered(r.bytes());
            case 6 -> new Started(r.string());
            case 7 -> new Skipped(r.string(), r.string());
            case 8 -> new Finished(r.string(), r.string(), r.throwable());
            case 9 -> new ReportEntry(r.string(), r.map());
            case 10 -> new FileEntry(r.string(), r.string(), r.nullableString());
            case 11 -> new Output(in.readBoolean(), r.bytes());
            case 12 -> new UnitDone(in.readInt(), r.throwable());
            case 13 -> new DumpThreads();
            case 14 -> new ThreadDump(r.string());
            case 15 -> new Message.Cancel();
            case 16 -> new Message.Verdict(in.readBoolean());
            case 17 -> new Message.Exiting();
            default -> throw new StreamCorruptedException("Unknown junit-xdist message tag " + tag);
        };
    }
}
