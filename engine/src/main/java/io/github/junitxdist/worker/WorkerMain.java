package io.github.junitxdist.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Handshake;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.UnitDone;
import io.github.junitxdist.protocol.Throwables;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Entry point of a worker JVM: {@code WorkerMain <port> <launch>}, with the run's secret as the first line on
 * standard input; the launch number tells the parent which start of which worker is connecting.
 *
 * <p>Connects to the parent on the loopback address, then runs the units it is sent, one after another, on the main
 * (non-daemon) thread, forwarding events and output. Exits when told to, and halts at once when the parent is gone.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerMain {

    /** Exit status of a worker whose parent went away. */
    static final int PARENT_GONE = 86;

    private static final long FLUSH_INTERVAL_MILLIS = 5;

    private WorkerMain() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int launch = Integer.parseInt(args[1]);
        PrintStream diagnostics = System.err;
        // An error that escapes the unit runner (OutOfMemoryError, say) ends the worker; say why on the real stderr,
        // which the parent quotes when it reports the loss.
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            diagnostics.println("junit-xdist worker: " + error + " escaped on thread " + thread.getName());
            StackTraceElement[] frames = error.getStackTrace();
            for (int i = 0; i < Math.min(frames.length, 8); i++) {
                diagnostics.println("\tat " + frames[i]);
            }
            diagnostics.flush();
            Runtime.getRuntime().halt(1);
        });
        Channel channel = connect(port, launch);
        startFlusher(channel);
        BlockingQueue<Message.ToWorker> inbox = new LinkedBlockingQueue<>();
        AtomicReference<@Nullable UnitRunner> runner = new AtomicReference<>();
        // Created before the first unit, as the parent may answer a failure at any time after it.
        FailureGate gate = CancellableExecution.create() != null ? new FailureGate() : FailureGate.NONE;
        ParentWatcher.start(
                channel,
                inbox,
                () -> {
                    UnitRunner current = runner.get();
                    if (current != null) {
                        current.cancel();
                    }
                },
                gate);
        run(channel, inbox, runner, gate);
        System.exit(0);
    }

    /**
     * Connects to the parent and presents the secret (the first line on standard input, in hexadecimal) in the
     * fixed-length {@link Handshake}, before anything else.
     */
    private static Channel connect(int port, int launch) throws IOException {
        String secret = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (secret == null) {
            throw new IOException("junit-xdist worker: no secret on standard input");
        }
        byte[] handshake = Handshake.encode(HexFormat.of().parseHex(secret.strip()), launch);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.getOutputStream().write(handshake);
        socket.getOutputStream().flush();
        return new Channel(socket);
    }

    /**
     * Runs units until told to shut down. Each run of the parent that uses this worker (it may stay warm for several)
     * first sends an {@link Init} with that run's configuration parameters and system properties.
     */
    private static void run(
            Channel channel,
            BlockingQueue<Message.ToWorker> inbox,
            AtomicReference<@Nullable UnitRunner> runnerHolder,
            FailureGate gate)
            throws InterruptedException {
        Charset charset = consoleCharset();
        var out = new ChannelOutputStream(channel, false);
        var err = new ChannelOutputStream(channel, true);
        installStreams(out, err, charset);
        var forwarder = new EventForwarder(message -> send(channel, out, err, message), Throwables::capture, gate);
        var units = new Units(
                runnerHolder,
                forwarder,
                unit -> installStreams(out, err, charset),
                done -> send(channel, out, err, done));
        try {
            while (inbox.take().accept(units)) {
                // until Shutdown
            }
        } finally {
            UnitRunner runner = runnerHolder.get();
            if (runner != null) {
                runner.close();
            }
        }
    }

    /** What the main thread does with the parent's messages; returns whether to wait for the next one. */
    private record Units(
            AtomicReference<@Nullable UnitRunner> runner,
            EventForwarder forwarder,
            Consumer<RunUnit> beforeUnit,
            Consumer<UnitDone> done,
            Map<String, String> parameters)
            implements Message.ToWorker.Visitor<Boolean> {

        Units(
                AtomicReference<@Nullable UnitRunner> runner,
                EventForwarder forwarder,
                Consumer<RunUnit> beforeUnit,
                Consumer<UnitDone> done) {
            this(runner, forwarder, beforeUnit, done, new HashMap<>());
        }

        @Override
        public Boolean init(Init init) {
            init.systemProperties().forEach(System::setProperty);
            parameters.clear();
            parameters.putAll(init.configurationParameters());
            // Output is relayed to the parent, which captures it there if asked to.
            parameters.put("junit.platform.output.capture.stdout", "false");
            parameters.put("junit.platform.output.capture.stderr", "false");
            return true;
        }

        @Override
        public Boolean runUnit(RunUnit unit) {
            beforeUnit.accept(unit);
            UnitRunner current = runner.get();
            if (current == null) { // opened after the first Init, so that session listeners see its system properties
                current = new UnitRunner(true);
                runner.set(current);
            }
            current.run(unit, request -> request.configurationParameters(parameters), forwarder);
            done.accept(new UnitDone(unit.unitId(), forwarder.engineFailure()));
            return true;
        }

        @Override
        public Boolean shutdown(Message.Shutdown message) {
            return false;
        }

        @Override
        public Boolean cancel(Message.Cancel message) {
            throw handledByReader(message);
        }

        @Override
        public Boolean verdict(Message.Verdict message) {
            throw handledByReader(message);
        }

        @Override
        public Boolean dumpThreads(Message.DumpThreads message) {
            throw handledByReader(message);
        }

        private static IllegalStateException handledByReader(Message message) {
            return new IllegalStateException("junit-xdist worker: " + message + " is handled by the channel reader");
        }
    }

    /**
     * Makes fresh {@code System.out} and {@code System.err} on the channel, before each unit: a test that closed or
     * replaced them (and did not put them back) silences only the rest of its own unit, not the units after it.
     */
    private static void installStreams(ChannelOutputStream out, ChannelOutputStream err, Charset charset) {
        System.out.flush();
        System.err.flush();
        System.setOut(new PrintStream(out, true, charset));
        System.setErr(new PrintStream(err, true, charset));
    }

    /**
     * Events are sent without flushing each (a suite of trivial tests would otherwise pay a system call per event);
     * this daemon flushes what is buffered every few milliseconds, so the parent still sees them live.
     */
    private static void startFlusher(Channel channel) {
        // System.exit from a test runs shutdown hooks: let what it printed and what finished before reach the parent,
        // and tell it the JVM is exiting, so that it can stop a worker whose exit another hook holds up.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.flush();
                            System.err.flush();
                            try {
                                channel.send(new Message.Exiting());
                            } catch (IOException e) {
                                // the parent is gone
                            }
                        },
                        "junit-xdist-final-flush"));
        Thread flusher = new Thread(
                () -> {
                    try {
                        while (true) {
                            Thread.sleep(FLUSH_INTERVAL_MILLIS);
                            channel.flush();
                        }
                    } catch (InterruptedException | IOException e) {
                        // the connection is gone; the channel reader ends the worker
                    }
                },
                "junit-xdist-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    private static void send(Channel channel, ChannelOutputStream out, ChannelOutputStream err, Message message) {
        try {
            System.out.flush();
            System.err.flush();
            out.flush();
            err.flush();
            // A start goes out at once: should the test kill its JVM, the parent knows which test did.
            if (message instanceof UnitDone || message instanceof Message.Started) {
                channel.send(message);
            } else {
                channel.sendBuffered(message);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("junit-xdist worker lost its connection to the parent", e);
        }
    }

    private static Charset consoleCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
