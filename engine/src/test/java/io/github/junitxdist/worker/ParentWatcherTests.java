package io.github.junitxdist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ParentWatcherTests {

    /**
     * A thread left in a blocking socket read holds up the worker JVM's exit by 300 ms (HotSpot waits that long for
     * threads in native code), and the calling JVM waits for its workers to exit.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against a hang only
    void theReaderStopsReadingOnceTheParentSaysToShutDown() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (var server = new ServerSocket(0, 1, loopback)) {
            var worker = new Channel(new Socket(loopback, server.getLocalPort()));
            var parent = new Channel(server.accept());
            BlockingQueue<Message.ToWorker> inbox = new LinkedBlockingQueue<>();

            Thread reader = ParentWatcher.start(worker, inbox, () -> {}, FailureGate.NONE);
            parent.send(new Message.Init(Map.of("k", "v"), Map.of()));
            parent.send(new Message.Shutdown());
            reader.join();

            assertThat(inbox).hasExactlyElementsOfTypes(Message.Init.class, Message.Shutdown.class);
            // Only now that nobody reads: a reader that saw the connection close would halt this JVM.
            parent.close();
            worker.close();
        }
    }
}
