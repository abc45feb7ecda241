package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deletes files and directory trees. */
final class FileTrees {

    private FileTrees() {}

    /** Deletes {@code path} and, if it is a directory, everything in it; nothing happens if it does not exist. */
    static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(path)) {
            entries = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path entry : entries) {
            Files.delete(entry);
        }
    }
}
