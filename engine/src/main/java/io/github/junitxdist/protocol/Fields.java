package io.github.junitxdist.protocol;

import io.github.junitxdist.protocol.RemoteThrowable.Snapshot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Encodings of the field types that messages are made of; lengths are checked so a bad frame cannot exhaust memory. */
final class Fields {

    /** Upper bound of one string or byte array in a frame. */
    static final int MAX_LENGTH = 256 * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    private Fields() {}

    record Writer(DataOutput out) {

        void string(@Nullable String value) throws IOException {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        void bytes(byte @Nullable [] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            out.writeInt(value.length);
            out.write(value);
        }

        void strings(Collection<String> values) throws IOException {
            out.writeInt(values.size());
            for (String value : values) {
                string(value);
            }
        }

        void map(Map<String, String> map) throws IOException {
            out.writeInt(map.size());
            for (var entry : map.entrySet()) {
                string(entry.getKey());
                string(entry.getValue());
            }
        }

        void throwable(@Nullable RemoteThrowable throwable) throws IOException {
            out.writeBoolean(throwable != null);
            if (throwable != null) {
                bytes(throwable.serialized());
                snapshot(throwable.snapshot(), 0);
            }
        }

        private void snapshot(Snapshot s, int depth) throws IOException {
            string(s.className());
            string(s.message());
            out.writeBoolean(s.assertionError());
            out.writeInt(s.stackTrace().size());
            for (StackTraceElement e : s.stackTrace()) {
                string(e.getClassLoaderName());
                string(e.getModuleName());
                string(e.getModuleVersion());
                string(e.getClassName());
                string(e.getMethodName());
                string(e.getFileName());
                out.writeInt(e.getLineNumber());
            }
            boolean hasCause = s.cause() != null && depth < MAX_DEPTH;
            out.writeBoolean(hasCause);
            if (hasCause) {
                snapshot(s.cause(), depth + 1);
            }
            List<Snapshot> suppressed = depth < MAX_DEPTH ? s.suppressed() : List.of();
            out.writeInt(suppressed.size());
            for (Snapshot each : suppressed) {
                snapshot(each, depth + 1);
            }
            string(s.expected());
            string(s.actual());
        }
    }

    record Reader(DataInput in) {

        String string() throws IOException {
            String value = nullableString();
            if (value == null) {
                throw new StreamCorruptedException("Missing string in junit-xdist frame");
            }
            return value;
        }

        @Nullable String nullableString() throws IOException {
            byte[] bytes = nullableBytes();
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }

        byte[] bytes() throws IOException {
            byte[] bytes = nullableBytes();
            return bytes == null ? new byte[0] : bytes;
        }

        private byte @Nullable [] nullableBytes() throws IOException {
            int length = in.readInt();
            if (length == -1) {
                return null;
            }
            byte[] bytes = new byte[checkedLength(length)];
            in.readFully(bytes);
            return bytes;
        }

        List<String> strings() throws IOException {
            int size = checkedLength(in.readInt());
            List<String> values = new ArrayList<>(Math.min(size, 1024));
            for (int i = 0; i < size; i++) {
                values.add(string());
            }
            return values;
        }

        Set<String> stringSet() throws IOException {
            return new LinkedHashSet<>(strings());
        }

        Map<String, String> map() throws IOException {
            int size = checkedLength(in.readInt());
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(string(), string());
            }
            return map;
        }

        @Nullable RemoteThrowable throwable() throws IOException {
            if (!in.readBoolean()) {
                return null;
            }
            return new RemoteThrowable(bytes(), snapshot(0), null);
        }

        private Snapshot snapshot(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new StreamCorruptedException("Throwable snapshot nested too deeply");
            }
            String className = string();
            String message = nullableString();
            boolean assertionError = in.readBoolean();
            int frames = checkedLength(in.readInt());
            List<StackTraceElement> stackTrace = new ArrayList<>(Math.min(frames, 4096));
            for (int i = 0; i < frames; i++) {
                stackTrace.add(new StackTraceElement(
                        nullableString(), nullableString(), nullableString(), string(), string(), nullableString(),
                        in.readInt()));
            }
            Snapshot cause = in.readBoolean() ? snapshot(depth + 1) : null;
            int suppressedCount = checkedLength(in.readInt());
            List<Snapshot> suppressed = new ArrayList<>();
            for (int i = 0; i < suppressedCount; i++) {
                suppressed.add(snapshot(depth + 1));
            }
            return new Snapshot(
                    className, message, assertionError, stackTrace, cause, suppressed, nullableString(),
                    nullableString());
        }

        private static int checkedLength(int length) throws StreamCorruptedException {
            if (length < 0 || length > MAX_LENGTH) {
                throw new StreamCorruptedException("Bad length in junit-xdist frame: " + length);
            }
            return length;
        }
    }
}
