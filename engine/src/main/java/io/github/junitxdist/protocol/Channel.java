package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import org.apiguardian.api.API;

/**
 * One end of the connection between the parent and a worker.
 *
 * <p>{@link #send} and {@link #sendBuffered} may be called from any thread (calls are serialized); {@link #send} flushes
 * at once, {@link #sendBuffered} leaves it to the next {@link #flush()}, so that a stream of small events does not cost
 * one system call each. {@link #receive} must be called from one thread only.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Channel implements Closeable {

    private static final int FRAME_BUFFER = 64 * 1024;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    /** Where a message is encoded before it is written: a frame goes out whole or not at all. */
    private ByteArrayOutputStream frame = new ByteArrayOutputStream(FRAME_BUFFER);

    private DataOutputStream frameOut = new DataOutputStream(frame);
    private boolean dirty;

    public Channel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        this.out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
    }

    /**
     * Sends a message and flushes. Should encoding it fail (an exception, or an error such as {@link OutOfMemoryError}),
     * nothing of it was written and the channel stays usable.
     */
    public void send(Message message) throws IOException {
        synchronized (out) {
            write(message);
            out.flush();
            dirty = false;
        }
    }

    /** Sends without flushing; the message leaves with the next {@link #send} or {@link #flush()}. */
    public void sendBuffered(Message message) throws IOException {
        synchronized (out) {
            write(message);
            dirty = true;
        }
    }

    private void write(Message message) throws IOException {
        try {
            MessageCodec.write(frameOut, message);
            frame.writeTo(out);
        } finally {
            if (frame.size() > FRAME_BUFFER) {
                // one large message must not pin its buffer for the channel's life
                frame = new ByteArrayOutputStream(FRAME_BUFFER);
                frameOut = new DataOutputStream(frame);
            } else {
                frame.reset();
            }
        }
    }

    /** Sends what {@link #sendBuffered} left in the buffer, if anything. */
    public void flush() throws IOException {
        synchronized (out) {
            if (dirty) {
                out.flush();
                dirty = false;
            }
        }
    }

    /** Blocks until the next message arrives; throws {@link java.io.EOFException} when the other side is gone. */
    public Message receive() throws IOException {
        return MessageCodec.read(in);
    }

    /**
     * Receives the next message, which must travel in the given direction ({@link Message.ToWorker} or
     * {@link Message.ToParent}); one going the other way means the stream is corrupt.
     */
    public <T extends Message> T receive(Class<T> direction) throws IOException {
        Message message = receive();
        if (!direction.isInstance(message)) {
            throw new java.io.StreamCorruptedException(
                    "junit-xdist: a " + message.getClass().getSimpleName() + " does not go that way");
        }
        return direction.cast(message);
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
