package io.github.junitxdist.protocol;

import io.github.junitxdist.protocol.RemoteThrowable.Snapshot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Encodings of the field types that messages are made of. Every length and count is checked against its limit before
 * anything is allocated for it, so that a bad frame cannot exhaust memory; the writer keeps within the same limits.
 */
final class Fields {

    /**
     * Upper bound of one string (in UTF-8 bytes) or byte array in a frame. Real fields are far smaller: output travels
     * in chunks of 32 KiB, and a serialized throwable or test identifier takes a few MiB at most.
     */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** Upper bound of the number of elements of one collection (ids of a unit, stack frames, map entries). */
    static final int MAX_ELEMENTS = 8 * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    private Fields() {}

    record Writer(DataOutput out) {

        /** Writes a string; one longer than {@link #MAX_BYTES} (only free text such as a message can be) is cut. */
        void string(@Nullable String value) throws IOException {
            bytes(value == null ? null : withinLimit(value.getBytes(StandardCharsets.UTF_8)));
        }

        void bytes(byte @Nullable [] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
                return;
            }
            if (value.length > MAX_BYTES) {
                throw new IOException("junit-xdist cannot send a field of %d bytes; the limit is %d bytes"
                        .formatted(value.length, MAX_BYTES));
            }
            out.writeInt(value.length);
            out.write(value);
        }

        private static byte[] withinLimit(byte[] utf8) {
            if (utf8.length <= MAX_BYTES) {
                return utf8;
            }
            int end = MAX_BYTES;
            while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
                end--; // a continuation byte: do not cut a character in two
            }
            return Arrays.copyOf(utf8, end);
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
                // Too large a serialized form is left out: the parent rebuilds the throwable from the snapshot.
                byte[] serialized = throwable.serialized();
                bytes(serialized.length > MAX_BYTES ? new byte[0] : serialized);
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
            Snapshot cause = depth < MAX_DEPTH ? s.cause() : null;
            out.writeBoolean(cause != null);
            if (cause != null) {
                snapshot(cause, depth + 1);
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

        @Nullable
        String nullableString() throws IOException {
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
            if (length < 0 || length > MAX_BYTES) {
                throw new StreamCorruptedException(
                        "junit-xdist frame announces a string or byte array of %d bytes; the limit is %d bytes"
                                .formatted(length, MAX_BYTES));
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        }

        List<String> strings() throws IOException {
            int size = checkedCount(in.readInt());
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
            int size = checkedCount(in.readInt());
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                map.put(string(), string());
            }
            return map;
        }

        @Nullable
        RemoteThrowable throwable() throws IOException {
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
            int frames = checkedCount(in.readInt());
            List<StackTraceElement> stackTrace = new ArrayList<>(Math.min(frames, 4096));
            for (int i = 0; i < frames; i++) {
                stackTrace.add(new StackTraceElement(
                        nullableString(),
                        nullableString(),
                        nullableString(),
                        string(),
                        string(),
                        nullableString(),
                        in.readInt()));
            }
            Snapshot cause = in.readBoolean() ? snapshot(depth + 1) : null;
            int suppressedCount = checkedCount(in.readInt());
            List<Snapshot> suppressed = new ArrayList<>();
            for (int i = 0; i < suppressedCount; i++) {
                suppressed.add(snapshot(depth + 1));
            }
            return new Snapshot(
                    className,
                    message,
                    assertionError,
                    stackTrace,
                    cause,
                    suppressed,
                    nullableString(),
                    nullableString());
        }

        private static int checkedCount(int count) throws StreamCorruptedException {
            if (count < 0 || count > MAX_ELEMENTS) {
                throw new StreamCorruptedException(
                        "junit-xdist frame announces a collection of %d elements; the limit is %d elements"
                                .formatted(count, MAX_ELEMENTS));
            }
            return count;
        }
    }
}
