package io.github.junitxdist.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Handshake;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apiguardian.api.API;

/**
 * Where workers connect: a server socket on the loopback address only, which lets a connection in only when its first
 * bytes are a {@link Handshake} carrying this run's random secret.
 *
 * <p>Any local process can connect, so nothing a connection sends before it has presented the secret is trusted: the
 * handshake has a fixed length, and it is read on a daemon thread of its own with a deadline, so that connections
 * that send nothing, or garbage, neither hold up the workers connecting after them nor cost more than a small buffer.
 * At most {@value #MAX_PENDING} handshakes wait at once; a further connection closes the oldest of them. A connection
 * that does not present the secret is closed without a word.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class WorkerServer implements AutoCloseable {

    /** A worker sends its handshake as soon as it has connected; this is only how long a stranger may keep us. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(10);

    static final int MAX_PENDING = 64;

    private static final long FAILED_ACCEPT_PAUSE_MILLIS = 100;

    private final ServerSocket serverSocket;
    private final byte[] secret;
    /** Connections whose handshake is being read, oldest first; guarded by itself. */
    private final Set<Socket> pending = new LinkedHashSet<>();

    public WorkerServer() throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.secret = new byte[Handshake.SECRET_LENGTH];
        new SecureRandom().nextBytes(secret);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The run's secret in hexadecimal, for a worker to present in its {@link Handshake}. */
    public String secret() {
        return HexFormat.of().formatHex(secret);
    }

    /**
     * Starts accepting on a daemon thread, which lives until {@link #close()}. {@code onConnected} receives the launch
     * number and the channel of each worker that presents the secret; it is called on that connection's handshake
     * thread, so calls for different workers may come at the same time.
     */
    public void acceptInBackground(BiConsumer<Integer, Channel> onConnected) {
        daemon("junit-xdist-acceptor", () -> acceptUntilClosed(onConnected)).start();
    }

    private void acceptUntilClosed(BiConsumer<Integer, Channel> onConnected) {
        while (!serverSocket.isClosed()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (Throwable e) {
                pauseAfterFailedAccept();
                continue;
            }
            try {
                admit(socket);
                daemon("junit-xdist-handshake", () -> handshake(socket, onConnected))
                        .start();
            } catch (Throwable e) {
                // Out of threads or memory for this connection: drop it, and keep accepting the next.
                forget(socket);
                closeQuietly(socket);
            }
        }
    }

    /**
     * After a failed accept: the loop ends if the socket was closed; otherwise (out of file descriptors, say) it tries
     * again after a pause rather than spinning on a processor the tests need.
     */
    private void pauseAfterFailedAccept() {
        if (!serverSocket.isClosed()) {
            try {
                Thread.sleep(FAILED_ACCEPT_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Remembers a connection whose handshake is to be read, closing the oldest one waiting when too many wait. */
    private void admit(Socket socket) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                Iterator<Socket> oldest = pending.iterator();
                closeQuietly(oldest.next());
                oldest.remove();
            }
            pending.add(socket);
        }
    }

    /** @return whether the connection was still waiting (not closed for a newer one) */
    private boolean forget(Socket socket) {
        synchronized (pending) {
            return pending.remove(socket);
        }
    }

    private void handshake(Socket socket, BiConsumer<Integer, Channel> onConnected) {
        try {
            OptionalInt launch = Handshake.launch(readHandshake(socket), secret);
            if (forget(socket) && launch.isPresent()) {
                socket.setSoTimeout(0);
                onConnected.accept(launch.getAsInt(), new Channel(socket));
                return;
            }
        } catch (Throwable e) {
            // not one of ours, gone, too slow, or the callback failed: this connection ends here
        }
        forget(socket);
        closeQuietly(socket);
    }

    /** Reads exactly one handshake frame into a fixed buffer, all of it within the deadline. */
    private static byte[] readHandshake(Socket socket) throws IOException {
        byte[] frame = new byte[Handshake.LENGTH];
        long deadline = System.nanoTime() + HANDSHAKE_TIMEOUT.toNanos();
        InputStream in = socket.getInputStream();
        int read = 0;
        while (read < frame.length) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                throw new SocketTimeoutException("no junit-xdist handshake within " + HANDSHAKE_TIMEOUT);
            }
            socket.setSoTimeout((int) left);
            int count = in.read(frame, read, frame.length - read);
            if (count < 0) {
                throw new EOFException("connection closed during the junit-xdist handshake");
            }
            read += count;
        }
        return frame;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to release
        }
    }

    /** Stops accepting and closes the connections whose handshake has not been read yet. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException e) {
            // nothing more to release
        }
        synchronized (pending) {
            pending.forEach(WorkerServer::closeQuietly);
            pending.clear();
        }
    }
}
