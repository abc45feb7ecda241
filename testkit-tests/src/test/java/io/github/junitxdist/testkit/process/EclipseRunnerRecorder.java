package io.github.junitxdist.testkit.process;

import io.github.junitxdist.testkit.fixtures.process.RecordingExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays the Eclipse IDE for Eclipse's own JUnit runner ({@code RemoteTestRunner} of
 * {@code org.eclipse.jdt.junit.runtime} with the JUnit 5 loader of {@code org.eclipse.jdt.junit5.runtime}): listens on
 * a loopback port, starts the runner in a fresh JVM with {@code -port} set to it, as Eclipse's JUnit launch does, and
 * records every protocol line the runner sends until it closes the connection.
 *
 * <p>Threading: {@link #run} blocks until the runner has exited and its lines are read; one thread of its own accepts
 * the runner's connection and reads it. Nothing is written to the runner (the IDE writes only to stop a run).
 */
final class EclipseRunnerRecorder {

    static final String RUNNER = "org.eclipse.jdt.internal.junit.runner.RemoteTestRunner";
    private static final String JUNIT5_LOADER = "org.eclipse.jdt.internal.junit5.runner.JUnit5TestLoader";
    private static final String JUNIT5_PLUGIN = "org.eclipse.jdt.junit5.runtime";
    private static final Duration RUN_LIMIT = Duration.ofMinutes(3);

    /** How long the connection may stay open after the runner's JVM has exited. */
    private static final Duration READ_GRACE = Duration.ofSeconds(10);

    private EclipseRunnerRecorder() {}

    /**
     * Runs the runner on {@code selection} ({@code -classNames a.B c.D} or {@code -test a.B:method}) with this JVM's
     * test classpath, minus the junit-xdist engine unless {@code withEngine}, and {@code -Dxdist.workers=<workers>}.
     */
    static Recording run(String name, boolean withEngine, String workers, String... selection) {
        Path dir = TestPaths.freshDirectory("eclipse-it", name);
        Path records = dir.resolve("records");
        List<Path> classpath = new ArrayList<>(TestPaths.launcherClasspath());
        if (!withEngine) {
            classpath.remove(TestPaths.engine());
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.createDirectories(records);
            FutureTask<List<String>> reading = new FutureTask<>(() -> read(server));
            Thread reader = new Thread(reading, "eclipse-ide-" + server.getLocalPort());
            reader.setDaemon(true);
            reader.start();
            JavaProcess java = JavaProcess.mainClass(classpath, RUNNER)
                    .jvmArguments("-ea")
                    .systemProperty(RecordingExtension.RECORDS_DIR, records)
                    .systemProperty("xdist.workers", workers)
                    .systemProperty("xdist.durations.file", dir.resolve("durations"))
                    .arguments(
                            "-version",
                            "3",
                            "-port",
                            Integer.toString(server.getLocalPort()),
                            "-testLoaderClass",
                            JUNIT5_LOADER,
                            "-loaderpluginname",
                            JUNIT5_PLUGIN)
                    .arguments(selection);
            try (ChildProcess runner = java.start(dir)) {
                int exitCode = runner.awaitExit(RUN_LIMIT);
                List<String> lines = awaitLines(reading, server);
                Files.write(dir.resolve("protocol.txt"), lines, StandardCharsets.UTF_8);
                return new Recording(exitCode, runner.pid(), lines, ExecutionRecord.readAll(records));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts the runner's one connection and reads its lines until the runner closes it. */
    private static List<String> read(ServerSocket server) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Socket socket = server.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** The lines, once the runner (which has exited) closed its connection; fails if it never connected. */
    private static List<String> awaitLines(FutureTask<List<String>> reading, ServerSocket server) throws IOException {
        try {
            return reading.get(READ_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            server.close();
            throw new AssertionError("The runner exited but did not connect or did not close its connection", e);
        } catch (ExecutionException e) {
            throw new AssertionError("Reading the runner's connection failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while reading the runner's connection", e);
        }
    }

    /**
     * What one run of the runner gave.
     *
     * @param exitCode the exit code of the runner's JVM
     * @param runnerPid its pid
     * @param lines the protocol lines it sent, in order
     * @param records one record per real test execution, from the JVM that ran it
     */
    record Recording(int exitCode, long runnerPid, List<String> lines, List<ExecutionRecord> records) {

        Recording {
            lines = List.copyOf(lines);
            records = List.copyOf(records);
        }
    }
}
