package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The start marks a run left: one line {@code epochMillis className serial} per class, appended by the generated
 * classes' {@code @BeforeAll} (see {@link SourceWriter}), from whichever JVM ran them.
 *
 * @param firstStart when the first class started, if any did
 * @param firstSerialStart when the first serial class started, if any did
 */
record Marks(OptionalLong firstStart, OptionalLong firstSerialStart) {

    /** Reads the marks file; a missing file means that no marked class started. */
    static Marks read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Marks(OptionalLong.empty(), OptionalLong.empty());
        }
        List<String[]> lines = Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.trim().split(" "))
                .toList();
        return new Marks(
                lines.stream().mapToLong(fields -> Long.parseLong(fields[0])).min(),
                lines.stream()
                        .filter(fields -> Boolean.parseBoolean(fields[2]))
                        .mapToLong(fields -> Long.parseLong(fields[0]))
                        .min());
    }
}
