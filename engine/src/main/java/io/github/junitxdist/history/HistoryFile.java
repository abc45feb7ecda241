package io.github.junitxdist.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The format of the duration history file, and the question every write must ask first: is the file there one of ours?
 *
 * <p>The file has a header line and one {@code <milliseconds> TAB <unit unique id>} line per unit: what it took on a warm
 * worker. Besides: {@code first on a worker <unit unique id>} for what it took as the first unit of a fresh worker, and
 * the run's own entries {@code worker start}, {@code worker warm-up} and the forked runs' factor (see
 * {@link WarmFigures}), and for every entry {@code measured at <entry>}, when it was saved (milliseconds since the
 * epoch), by which {@link MergeHistories} keeps the newest figures. None of them is a unique id, so no unit has them. A file that exists,
 * is not empty and does not start with the header is someone else's, and is never written. Stateless.
 */
final class HistoryFile {

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id";
    private static final int MAX_ENTRIES = 200_000;

    private HistoryFile() {}

    /**
     * Why the file must not be written, or empty when it may be: it is missing, empty, or starts with the header (even
     * if a later line is corrupt). Reads no more than the header's length.
     */
    static Optional<String> notOurs(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            return Optional.of("it is not a regular file");
        }
        byte[] header = HEADER.getBytes(StandardCharsets.UTF_8);
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(header.length + 1);
        } catch (IOException e) {
            return Optional.of("it cannot be read: " + e);
        }
        if (start.length == 0) {
            return Optional.empty();
        }
        boolean headerLine = start.length >= header.length
                && Arrays.equals(Arrays.copyOf(start, header.length), header)
                && (start.length == header.length || start[header.length] == '\n' || start[header.length] == '\r');
        return headerLine ? Optional.empty() : Optional.of("its first line is not \"" + HEADER + "\"");
    }

    /** Reads a history; throws when the file is missing or a line is malformed. */
    static Map<String, Long> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Long> durations = new ConcurrentHashMap<>();
        if (lines.isEmpty()) {
            return durations;
        }
        if (!lines.get(0).equals(HEADER)) {
            throw new IOException("not a junit-xdist duration history (unexpected first line)");
        }
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("malformed line: " + line);
            }
            long millis = Long.parseLong(line.substring(0, tab));
            if (millis < 0) {
                throw new IOException("negative duration: " + line);
            }
            durations.put(line.substring(tab + 1), millis);
        }
        return durations;
    }

    /**
     * Replaces the file atomically with the given durations, keeping its permissions when it existed (a fresh file is
     * readable by its owner only).
     */
    static void write(Path file, Map<String, Long> durations) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path directory = absolute.getParent() == null ? absolute : absolute.getParent(); // a file has a parent
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        durations.entrySet().stream()
                .limit(MAX_ENTRIES)
                .forEach(entry -> lines.add(entry.getValue() + "\t" + entry.getKey()));
        Path temporary = createTemporary(directory, file.getFileName().toString());
        try {
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            var permissions = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (permissions != null && Files.exists(file)) {
                Files.setPosixFilePermissions(
                        temporary, permissions.readAttributes().permissions());
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new, empty file next to the history, readable by its owner only where the file system has POSIX permissions:
     * what {@link Files#createTempFile} makes, without the {@code SecureRandom} it seeds for the name (a cost every
     * short run would pay at its end).
     */
    private static Path createTemporary(Path directory, String name) throws IOException {
        Path temporary = directory.resolve(
                "%s.%016x.tmp".formatted(name, ThreadLocalRandom.current().nextLong()));
        if (Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return Files.createFile(
                    temporary,
                    PosixFilePermissions.asFileAttribute(
                            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        return Files.createFile(temporary);
    }
}
