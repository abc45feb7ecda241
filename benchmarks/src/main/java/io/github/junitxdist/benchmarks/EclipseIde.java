package io.github.junitxdist.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Plays the IDE for Eclipse's JUnit runner ({@code RemoteTestRunner}): listens on a loopback port, starts the runner's
 * JVM with {@code -port} set to it, and records the protocol lines that the runner sends until it closes the
 * connection. The runner's process is timed like every other contender's, by {@link TimedProcess}, from its start to
 * its exit; the port is open before the start, as the IDE's is.
 *
 * <p>Threading: {@link #run} blocks until the runner has exited and its lines are read. While the runner runs, one
 * thread of this class accepts its connection and reads it. Nothing is written to the runner: the IDE writes only to
 * stop a run or to rerun a test.
 */
final class EclipseIde {

    /** How long the connection may still be open after the runner's process has exited. */
    private static final Duration READ_GRACE = Duration.ofSeconds(5);

    /** The runner's command line for the port the IDE listens on. */
    @FunctionalInterface
    interface Command {
        List<String> forPort(int port) throws IOException;
    }

    /**
     * What one run of the runner gave.
     *
     * @param process the timed process
     * @param lines the protocol lines the runner sent, in order; none if it never connected
     * @param readProblem why the lines may be incomplete, or {@code null} if the runner closed the connection
     */
    record Recording(
            TimedProcess.Result process,
            List<String> lines,
            @Nullable String readProblem) {

        Recording {
            lines = List.copyOf(lines);
        }
    }

    private EclipseIde() {}

    /**
     * Runs the runner in {@code directory}, its output to {@code log} and the protocol lines to {@code protocol}; a
     * runner that outlives {@code limit} is killed and fails, as in {@link TimedProcess#run}.
     */
    static Recording run(
            Command command, Path directory, Map<String, String> environment, Path log, Path protocol, Duration limit)
            throws IOException, InterruptedException {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            FutureTask<Boolean> reading = new FutureTask<>(() -> read(server, lines, limit));
            Thread reader = new Thread(reading, "eclipse-ide-" + server.getLocalPort());
            reader.setDaemon(true);
            reader.start();
            TimedProcess.Result process =
                    TimedProcess.run(command.forPort(server.getLocalPort()), directory, environment, log, limit);
            String problem = awaitEnd(reading, server);
            List<String> recorded;
            synchronized (lines) {
                recorded = List.copyOf(lines);
            }
            Files.createDirectories(protocol.getParent());
            Files.write(protocol, recorded, StandardCharsets.UTF_8);
            return new Recording(process, recorded, problem);
        }
    }

    /** Accepts one connection and reads its lines until the runner closes it; true then. */
    private static boolean read(ServerSocket server, List<String> lines, Duration limit) throws IOException {
        try (Socket socket = server.accept();
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            socket.setSoTimeout(Math.toIntExact(limit.plus(READ_GRACE).toMillis()));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return true;
    }

    /** Waits for the reader after the runner's exit; if the runner never connected, closing the port ends the wait. */
    private static @Nullable String awaitEnd(FutureTask<Boolean> reading, ServerSocket server)
            throws IOException, InterruptedException {
        try {
            reading.get(READ_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            server.close();
            return "the runner did not connect, or did not close its connection, within " + READ_GRACE.toSeconds()
                    + " s of its exit";
        } catch (ExecutionException e) {
            return "reading the runner's connection failed: " + e.getCause();
        }
    }
}
