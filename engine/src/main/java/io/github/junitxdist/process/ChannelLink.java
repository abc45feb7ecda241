package io.github.junitxdist.process;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message.ToParent;
import io.github.junitxdist.protocol.Message.ToWorker;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** A worker's real connection: a {@link Channel}, read on a daemon thread of the worker's own. Thread-safe. */
final class ChannelLink implements WorkerLink {

    private final Channel channel;
    private volatile @Nullable Thread reader;

    ChannelLink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public void send(ToWorker message) throws IOException {
        channel.send(message);
    }

    @Override
    public void startReading(WorkerHandle handle) {
        Thread thread = new Thread(
                () -> {
                    try {
                        while (true) {
                            handle.received(channel.receive(ToParent.class));
                        }
                    } catch (IOException
                            | RuntimeException
                            | Error e) { // an error must not end relaying unreported either
                        handle.connectionEnded(e);
                    }
                },
                "junit-xdist-relay-" + handle.name());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    @Override
    public boolean reading() {
        Thread thread = reader;
        return thread == null || thread.isAlive();
    }

    @Override
    public void close() {
        channel.close();
    }
}
