package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which engine the benchmark measured: when the engine jar it copied was built, and the repository's commit with
 * whether {@code engine/} had uncommitted changes. The jar comes from the local repository, so it matches the commit
 * only if it was installed from it.
 *
 * @param text one line for the report
 */
record EngineBuild(String text) {

    /** Describes the engine jar of {@code toolchain} and the repository around {@code benchmarks/}. */
    static EngineBuild describe(Toolchain toolchain) throws IOException, InterruptedException {
        Path benchmarks = Objects.requireNonNull(
                toolchain.workDirectory().toAbsolutePath().getParent(), "the work directory is in benchmarks/");
        String commit = git(benchmarks, "rev-parse", "--short", "HEAD");
        String engineChanges = git(benchmarks, "status", "--porcelain", "--", "../engine");
        return new EngineBuild("engine jar built "
                + Files.getLastModifiedTime(toolchain.engineJar()).toInstant().truncatedTo(ChronoUnit.SECONDS)
                + "; repository at commit "
                + (commit.isEmpty() ? "unknown" : commit)
                + (engineChanges.isEmpty() ? "" : ", with uncommitted changes in engine/"));
    }

    /** The trimmed output of a git command, or empty if git fails (no git, not a repository). */
    private static String git(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return "";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return process.waitFor() == 0 ? output : "";
    }
}
