package io.github.junitxdist.worker;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message.Output;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Replaces the worker's {@code System.out} or {@code System.err}: bytes are buffered and sent to the parent as
 * {@link Output} messages, never on the worker's real stdout.
 *
 * <p>Thread-safe. Hands its bytes to the channel when flushed, when the buffer is full, and before every execution
 * event (see {@link WorkerMain}), so output reaches the parent before the finish of the test that printed it.
 */
final class ChannelOutputStream extends OutputStream {

    private static final int BUFFER_SIZE = 32 * 1024;

    private final Channel channel;
    private final boolean stderr;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int count;

    ChannelOutputStream(Channel channel, boolean stderr) {
        this.channel = channel;
        this.stderr = stderr;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        if (count == buffer.length) {
            flush();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                flush();
            }
            int chunk = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, chunk);
            count += chunk;
            offset += chunk;
            length -= chunk;
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        if (count > 0) {
            byte[] bytes = Arrays.copyOf(buffer, count);
            count = 0;
            channel.sendBuffered(new Output(stderr, bytes));
        }
    }
}
