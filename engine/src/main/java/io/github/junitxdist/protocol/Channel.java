package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import org.apiguardian.api.API;

/**
 * One end of the connection between the parent and a worker.
 *
 * <p>{@link #send} may be called from any thread (calls are serialized and each message is flushed, so the other side
 * sees it at once); {@link #receive} must be called from one thread only.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Channel implements Closeable {

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;

    public Channel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
    }

    public void send(Message message) throws IOException {
        synchronized (out) {
            MessageCodec.write(out, message);
            out.flush();
        }
    }

    /** Blocks until the next message arrives; throws {@link java.io.EOFException} when the other side is gone. */
    public Message receive() throws IOException {
        return MessageCodec.read(in);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a broken socket
        }
    }
}
