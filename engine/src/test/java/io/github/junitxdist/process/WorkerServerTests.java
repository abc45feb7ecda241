package io.github.junitxdist.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Handshake;
import io.github.junitxdist.protocol.Message.Started;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Only a connection that presents the secret in its handshake gets in; whatever the others send, or do not send, they
 * are closed without a word and hold up no worker that connects after them.
 */
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class WorkerServerTests {

    private final WorkerServer server;
    private final BlockingQueue<Integer> connected = new LinkedBlockingQueue<>();
    private final List<Channel> channels = new ArrayList<>();
    private final List<AutoCloseable> clients = new ArrayList<>();

    WorkerServerTests() throws IOException {
        server = new WorkerServer();
    }

    @BeforeEach
    void accept() {
        server.acceptInBackground((launch, channel) -> {
            synchronized (channels) {
                channels.add(channel);
            }
            connected.add(launch);
        });
    }

    @AfterEach
    void close() throws Exception {
        server.close();
        for (AutoCloseable client : clients) {
            client.close();
        }
        channels.forEach(Channel::close);
    }

    @Test
    void aWorkerWithTheSecretGetsInWithItsLaunchNumberAndItsMessagesFollow() throws Exception {
        Socket worker = worker(7);
        new Channel(worker).send(new Started("id"));

        assertThat(connected.take()).isEqualTo(7);
        assertThat(channels.get(0).receive()).isEqualTo(new Started("id"));
    }

    @Test
    void aWrongSecretIsClosedWithoutAWord() throws Exception {
        Socket stranger = connect();
        stranger.getOutputStream().write(Handshake.encode(new byte[Handshake.SECRET_LENGTH], 0));

        assertThat(closedUnanswered(stranger)).isTrue();
        assertThat(connected).isEmpty();
    }

    @Test
    void aFrameAnnouncingAHugeStringIsClosedUnreadAndTheNextWorkerGetsIn() throws Exception {
        Socket stranger = connect();
        OutputStream out = stranger.getOutputStream();
        out.write(new byte[] {1, 0x10, 0, 0, 0}); // the old first message: a string of 256 MiB follows
        out.write(new byte[Handshake.LENGTH]);

        worker(1);

        assertThat(connected.take()).isEqualTo(1);
        assertThat(closedUnanswered(stranger)).isTrue();
    }

    @Test
    void silentConnectionsDoNotKeepAWorkerConnectingAfterThemWaiting() throws Exception {
        List<SocketChannel> silent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SocketChannel connection =
                    SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            clients.add(connection);
            silent.add(connection);
        }

        worker(2);

        assertThat(connected.take()).isEqualTo(2);
        for (SocketChannel connection : silent) {
            connection.configureBlocking(false);
            assertThat(connection.read(ByteBuffer.allocate(1)))
                    .as("bytes sent to a silent connection")
                    .isLessThanOrEqualTo(0);
        }
    }

    @Test
    void beyondTheLimitOfWaitingHandshakesTheOldestIsClosed() throws Exception {
        Socket oldest = connect();
        for (int i = 0; i < WorkerServer.MAX_PENDING; i++) {
            connect();
        }

        assertThat(closedUnanswered(oldest)).isTrue();
        worker(3);
        assertThat(connected.take()).isEqualTo(3);
    }

    private Socket worker(int launch) throws IOException {
        Socket socket = connect();
        socket.getOutputStream().write(Handshake.encode(HexFormat.of().parseHex(server.secret()), launch));
        return socket;
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        clients.add(socket);
        return socket;
    }

    /** Blocks until the other side closes (end of stream, or a reset when it left bytes unread) or sends a byte. */
    private static boolean closedUnanswered(Socket connection) throws IOException {
        try {
            return connection.getInputStream().read() == -1;
        } catch (SocketException e) {
            return true;
        }
    }
}
