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
     * in chunks of 32 KiB, and a serialized throwable or test source takes a few MiB at most.
     */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** Upper bound of the number of elements of one collection (ids of a unit, stack frames, map entries). */
    static final int MAX_ELEMENTS = 8 * 1024 * 1024;

    private static final int MAX_DEPTH = 64;

    /** The kinds of {@link Source} and their code bytes on the wire; codes are never reused. */
    enum SourceKind {
        NONE(0),
        METHOD(1),
        CLASS(2),
        CLASSPATH_RESOURCE(3),
        FILE(4),
        DIRECTORY(5),
        PACKAGE(6),
        URI(7),
        COMPOSITE(8),
        SERIALIZED(9);

        final int code;

        SourceKind(int code) {
            this.code = code;
        }

        static SourceKind of(int code) throws StreamCorruptedException {
            for (SourceKind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new StreamCorruptedException("Unknown junit-xdist test source kind " + code);
        }
    }

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

        /** Writes a source, or its absence: a {@link SourceKind} code, then the fields of that kind. */
        void source(@Nullable Source source) throws IOException {
            if (source == null) {
                kind(SourceKind.NONE);
            } else if (source instanceof Source.OfMethod m) {
                kind(SourceKind.METHOD);
                string(m.className());
                string(m.methodName());
                string(m.parameterTypes());
            } else if (source instanceof Source.OfClass c) {
                kind(SourceKind.CLASS);
                string(c.className());
                position(c.position());
            } else if (source instanceof Source.OfClasspathResource r) {
                kind(SourceKind.CLASSPATH_RESOURCE);
                string(r.name());
                position(r.position());
            } else if (source instanceof Source.OfFile f) {
                kind(SourceKind.FILE);
                string(f.path());
                position(f.position());
            } else if (source instanceof Source.OfDirectory d) {
                kind(SourceKind.DIRECTORY);
                string(d.path());
            } else if (source instanceof Source.OfPackage p) {
                kind(SourceKind.PACKAGE);
                string(p.name());
            } else if (source instanceof Source.OfUri u) {
                kind(SourceKind.URI);
                string(u.uri());
            } else if (source instanceof Source.Composite c) {
                kind(SourceKind.COMPOSITE);
                out.writeInt(c.sources().size());
                for (Source part : c.sources()) {
                    source(part);
                }
            } else {
                var serialized = (Source.Serialized) source; // the last kind there is: Source is sealed
                kind(SourceKind.SERIALIZED);
                string(serialized.className());
                bytes(serialized.bytes().length > MAX_BYTES ? new byte[0] : serialized.bytes());
            }
        }

        private void kind(SourceKind kind) throws IOException {
            out.writeByte(kind.code);
        }

        /** A position: its line ({@code 0} for none) and column ({@code 0} for none). */
        private void position(Source.@Nullable Position position) throws IOException {
            out.writeInt(position == null ? 0 : position.line());
            out.writeInt(position == null ? 0 : position.column());
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

        @Nullable
        Source source() throws IOException {
            return source(0);
        }

        private @Nullable Source source(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new StreamCorruptedException("Test source nested too deeply");
            }
            return switch (SourceKind.of(in.readUnsignedByte())) {
                case NONE -> null;
                case METHOD -> new Source.OfMethod(string(), string(), string());
                case CLASS -> new Source.OfClass(string(), position());
                case CLASSPATH_RESOURCE -> new Source.OfClasspathResource(string(), position());
                case FILE -> new Source.OfFile(string(), position());
                case DIRECTORY -> new Source.OfDirectory(string());
                case PACKAGE -> new Source.OfPackage(string());
                case URI -> new Source.OfUri(string());
                case COMPOSITE -> composite(depth);
                case SERIALIZED -> new Source.Serialized(string(), bytes());
            };
        }

        private Source composite(int depth) throws IOException {
            int size = checkedCount(in.readInt());
            List<Source> parts = new ArrayList<>(Math.min(size, 1024));
            for (int i = 0; i < size; i++) {
                Source part = source(depth + 1);
                if (part == null) {
                    throw new StreamCorruptedException("Missing part of a composite test source");
                }
                parts.add(part);
            }
            return new Source.Composite(parts);
        }

        private Source.@Nullable Position position() throws IOException {
            int line = in.readInt();
            int column = in.readInt();
            return line == 0 ? null : new Source.Position(line, column);
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
