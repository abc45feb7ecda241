package io.github.junitxdist.testkit.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a CI system gives the jobs of a pipeline, played on this machine for {@link CiExamplesTests}: a fresh workspace
 * per job (with a checkout of the project, or empty), caches kept across pipelines, artifacts passed from one job to the
 * next within a pipeline, and a shell that runs a job's script lines with bash.
 *
 * <p>The scripts' {@code mvn} is a wrapper first on the {@code PATH} that runs the enclosing build's Maven offline
 * ({@code -o}) on its local repository ({@code -Dmaven.repo.local}), where the engine under test is installed; the
 * scripts themselves run exactly as written. (Maven 3.8 does not read {@code MAVEN_ARGS}, so a wrapper it is.) Their
 * {@code java} is that of this JVM.
 *
 * <p>Not thread-safe: one test thread drives it.
 */
final class SimulatedCi {

    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(5);

    private final Path root;
    private final Path repository;
    private final Path bin;
    /** Cache entries by key, in the order they were saved: the last one is the newest. */
    private final Map<String, Path> caches = new LinkedHashMap<>();
    /** The current pipeline's artifacts by name, each a directory of files. */
    private final Map<String, Path> artifacts = new LinkedHashMap<>();

    private int directories;

    /**
     * A CI system under {@code target/ci/<name>/} whose jobs check out {@code repository}.
     *
     * @param repository the project the jobs check out; its {@code target} and {@code .xdist} directories are not
     *     part of a checkout
     */
    SimulatedCi(String name, Path repository) {
        this.root = TestPaths.freshDirectory("ci", name);
        this.repository = repository;
        this.bin = directory("bin");
        writeMavenWrapper();
    }

    /** A new pipeline: the caches stay, the artifacts of the last pipeline are gone. */
    void newPipeline() {
        artifacts.clear();
    }

    /** A fresh, empty workspace for one job; {@code label} names its directory. */
    Path workspace(String label) {
        return directory("job-" + label);
    }

    /** Puts a checkout of the project into the workspace. */
    void checkOut(Path workspace) {
        copyTree(repository, workspace, path -> {
            String first = repository.relativize(path).getName(0).toString();
            return !first.equals("target") && !first.equals(".xdist");
        });
    }

    /** What one script printed, and its exit status. */
    record Script(int status, String output) {}

    /**
     * Runs {@code script} with {@code bash --noprofile --norc -eo pipefail} (as GitHub Actions runs a {@code run:} step
     * and GitLab a job's script) in {@code workspace}, with {@code environment} added; returns its exit status.
     */
    Script run(String label, String script, Path workspace, Map<String, String> environment) {
        Path logs = directory("log-" + label);
        Path file = logs.resolve("script.sh");
        write(file, script + "\n");
        Map<String, String> env = new HashMap<>(environment);
        env.put(
                "PATH",
                bin
                        + File.pathSeparator
                        + Path.of(System.getProperty("java.home"), "bin")
                        + File.pathSeparator
                        + System.getenv().getOrDefault("PATH", ""));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // A CI machine has none of these unless the job sets them; blank is as good as unset to what reads them.
        for (String name : List.of("CI_NODE_INDEX", "CI_NODE_TOTAL", "MAVEN_ARGS", "XDIST_VERSION")) {
            if (System.getenv(name) != null) {
                env.putIfAbsent(name, "");
            }
        }
        try (ChildProcess bash = ChildProcess.start(
                List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()), workspace, env, logs)) {
            int status = bash.awaitExit(SCRIPT_LIMIT);
            return new Script(status, bash.output());
        }
    }

    /**
     * Saves the {@code paths} of the workspace that exist as the cache entry {@code key}.
     *
     * @param overwrite whether an existing entry of that key is replaced (GitLab) or kept (GitHub Actions)
     * @return whether anything was saved
     */
    boolean saveCache(String key, Path workspace, List<String> paths, boolean overwrite) {
        if (caches.containsKey(key) && !overwrite) {
            return false;
        }
        Path entry = directory("cache-" + key);
        boolean any = false;
        for (String path : paths) {
            Path source = workspace.resolve(path).normalize();
            if (Files.exists(source)) {
                copyTree(source, entry.resolve(workspace.relativize(source)), ignored -> true);
                any = true;
            }
        }
        if (any) {
            caches.remove(key);
            caches.put(key, entry);
        }
        return any;
    }

    /**
     * Restores the cache entry {@code key} into the workspace or, when there is none, the newest entry whose key starts
     * with one of {@code prefixes}; returns the key restored.
     */
    Optional<String> restoreCache(Path workspace, String key, List<String> prefixes) {
        String found = caches.containsKey(key) ? key : null;
        for (int i = 0; found == null && i < prefixes.size(); i++) {
            for (String candidate : caches.keySet()) {
                if (candidate.startsWith(prefixes.get(i))) {
                    found = candidate;
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        copyTree(caches.get(found), workspace, ignored -> true);
        return Optional.of(found);
    }

    /** The file {@code path} as the cache entry {@code key} holds it. */
    Optional<Path> cached(String key, String path) {
        return Optional.ofNullable(caches.get(key))
                .map(entry -> entry.resolve(path).normalize())
                .filter(Files::exists);
    }

    /** Keeps the workspace's files that match one of the globs (relative to it) as the artifact {@code name}. */
    int uploadArtifact(String name, Path workspace, List<String> globs) {
        Path artifact = directory("artifact-" + name);
        List<Path> files = matching(workspace, globs);
        for (Path file : files) {
            copyTree(file, artifact.resolve(workspace.relativize(file)), ignored -> true);
        }
        if (!files.isEmpty()) {
            artifacts.put(name, artifact);
        }
        return files.size();
    }

    /**
     * Puts the files of the artifacts whose names {@code names} accepts into the workspace: all into it when
     * {@code mergeMultiple}, else each artifact into a directory of its name; returns the names.
     */
    List<String> downloadArtifacts(Path workspace, Predicate<String> names, boolean mergeMultiple) {
        List<String> downloaded = new ArrayList<>();
        artifacts.forEach((name, files) -> {
            if (names.test(name)) {
                copyTree(files, mergeMultiple ? workspace : workspace.resolve(name), ignored -> true);
                downloaded.add(name);
            }
        });
        return downloaded;
    }

    /** The files under {@code workspace} whose paths relative to it match one of the globs. */
    static List<Path> matching(Path workspace, List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        try (Stream<Path> files = Files.walk(workspace)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> matchers.stream().anyMatch(m -> m.matches(workspace.relativize(file))))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeMavenWrapper() {
        String repositoryOption = MavenItProject.localRepository().isEmpty()
                ? ""
                : " '-Dmaven.repo.local=" + MavenItProject.localRepository() + "'";
        Path wrapper = bin.resolve("mvn");
        write(
                wrapper,
                "#!/bin/sh\n# The CI machine's mvn: offline, on the local repository where the engine under test is"
                        + " installed.\nexec '" + realMaven() + "' -o" + repositoryOption + " \"$@\"\n");
        try {
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The enclosing build's {@code mvn}, or the first on the {@code PATH}. */
    private static String realMaven() {
        String maven = MavenItProject.mavenExecutable();
        if (!maven.equals("mvn")) {
            return maven;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "mvn"))) {
                return Path.of(dir, "mvn").toString();
            }
        }
        throw new IllegalStateException("No mvn on the PATH and xdist.it.mavenHome is not set");
    }

    /** A new directory of the root, named after {@code name} and numbered, so that no two are the same. */
    private Path directory(String name) {
        Path dir = root.resolve("%02d-%s".formatted(directories++, name.replaceAll("[^A-Za-z0-9.-]", "_")));
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a file, or a directory's files that {@code keep} accepts, to {@code target}. */
    private static void copyTree(Path source, Path target, Predicate<Path> keep) {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                if (path.equals(source) || keep.test(path)) {
                    Path to = target.resolve(source.relativize(path).toString());
                    Files.createDirectories(to.toAbsolutePath().getParent());
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
