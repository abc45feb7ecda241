package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Hello;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * Where workers connect: a server socket on the loopback address only, which accepts a connection only when its first
 * message carries this run's random secret.
 *
 * <p>Accepts on a daemon thread and hands each authenticated worker to the callback, on that thread.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerServer implements AutoCloseable {

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 60_000;

    private final ServerSocket serverSocket;
    private final String secret;

    public WorkerServer() throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.secret = HexFormat.of().formatHex(random);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String secret() {
        return secret;
    }

    /** Starts accepting; {@code onConnected} receives the worker's launch number and its channel. */
    public void acceptInBackground(BiConsumer<Integer, Channel> onConnected) {
        Thread acceptor = new Thread(() -> {
            while (!serverSocket.isClosed()) {
                try {
                    authenticate(serverSocket.accept(), onConnected);
                } catch (IOException e) {
                    // closed, or one failed handshake: keep accepting until closed
                }
            }
        }, "junit-xdist-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void authenticate(Socket socket, BiConsumer<Integer, Channel> onConnected) throws IOException {
        Channel channel = new Channel(socket);
        try {
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            Message first = channel.receive();
            socket.setSoTimeout(0);
            if (first instanceof Hello hello && MessageDigest.isEqual(
                    hello.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
                onConnected.accept(hello.launch(), channel);
                return;
            }
        } catch (IOException e) {
            // fall through: not one of ours
        }
        channel.close();
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }
}
