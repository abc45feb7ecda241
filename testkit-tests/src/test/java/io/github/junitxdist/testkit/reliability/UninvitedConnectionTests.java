package io.github.junitxdist.testkit.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.api.WorkerLostException;
import io.github.junitxdist.testkit.fixtures.reliability.ExitThreeFixture;
import io.github.junitxdist.testkit.fixtures.reliability.ParentPortFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.engine.TestExecutionResult.Status;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Any local process can connect to the port the workers connect to. What it sends, or does not send, neither lets it
 * in nor holds up the run: a connection announcing a huge frame is closed unread, connections that stay silent do not
 * delay a worker that connects after them, and none of them is ever answered.
 *
 * <p>Each test gets the port from a first run on a pool of its own (a JVM option no other test uses), holds its
 * connections open, then makes a second run on that pool whose worker crashes, so that a replacement worker has to
 * connect past them. Before these fixes the replacement waited 60 seconds behind each such connection (or for ever,
 * when reading the huge frame ran the calling JVM out of memory); the timeout is only a guard against that hang.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang guard only
class UninvitedConnectionTests {

    /** How many connections each test holds open: together they held the old engine up for three minutes. */
    private static final int CONNECTIONS = 3;

    private final String pool = "-Dxdist.test.pool=" + UUID.randomUUID();
    private final List<AutoCloseable> held = new ArrayList<>();

    @AfterEach
    void closeConnections() throws Exception {
        for (AutoCloseable connection : held) {
            connection.close();
        }
    }

    @Test
    void aConnectionAnnouncingAHugeFrameIsClosedUnreadAndAWorkerConnectingAfterItGetsIn() throws IOException {
        int port = parentPort();
        List<Socket> intruders = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            Socket intruder = new Socket(InetAddress.getLoopbackAddress(), port);
            held.add(intruder);
            OutputStream out = intruder.getOutputStream();
            // What the old first message (a string, tag 1) looked like, announcing 256 MiB, then some of its bytes.
            out.write(new byte[] {1, 0x10, 0, 0, 0});
            out.write(new byte[64]);
            out.flush();
            intruders.add(intruder);
        }

        assertAReplacementWorkerRanTheRest(runWithACrash());

        for (Socket intruder : intruders) {
            assertThat(closedUnanswered(intruder))
                    .as("the run closed a connection that did not present its secret," + " sending nothing")
                    .isTrue();
        }
    }

    @Test
    void silentConnectionsDoNotDelayAWorkerConnectingAfterThemAndAreNeverAnswered() throws IOException {
        int port = parentPort();
        List<SocketChannel> silent = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            SocketChannel connection =
                    SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            held.add(connection);
            silent.add(connection);
        }

        assertAReplacementWorkerRanTheRest(runWithACrash());

        for (SocketChannel connection : silent) {
            connection.configureBlocking(false);
            // 0: still open and nothing sent; -1: closed by the run, without a word. Never any bytes.
            assertThat(connection.read(ByteBuffer.allocate(1)))
                    .as("bytes the run sent a silent connection")
                    .isLessThanOrEqualTo(0);
        }
    }

    /** Runs a fixture on a fresh pool of one worker, which stays warm, and returns the port the pool listens on. */
    private int parentPort() {
        EngineExecutionResults results = run(ParentPortFixture.class);
        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        return Integer.parseInt(Outcomes.of(results)
                .reportEntries(ParentPortFixture.class, "publishesTheParentPort", ParentPortFixture.PORT_KEY)
                .get(0));
    }

    /** A run on the same pool whose worker exits in the middle, so that a replacement must connect. */
    private EngineExecutionResults runWithACrash() {
        return run(ExitThreeFixture.class);
    }

    private EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("xdist")
                .selectors(selectClass(fixture))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter("xdist.jvmArgs", pool)
                .execute();
    }

    /**
     * Whether the other side closed the connection without sending a byte: end of stream, or a reset (a socket closed
     * with bytes still unread in it is reset rather than closed); blocks until one or the other, or a byte, arrives.
     */
    private static boolean closedUnanswered(Socket connection) throws IOException {
        try {
            return connection.getInputStream().read() == -1;
        } catch (SocketException e) {
            return true;
        }
    }

    private static void assertAReplacementWorkerRanTheRest(EngineExecutionResults results) {
        Outcomes outcomes = Outcomes.of(results).assertEveryTestReportedOnce();
        assertThat(outcomes.result(ExitThreeFixture.class, "crashes").getThrowable())
                .get()
                .isInstanceOf(WorkerLostException.class);
        assertThat(outcomes.result(ExitThreeFixture.class, "runsAfterTheCrash").getStatus())
                .as("a test after the crash, on the replacement worker")
                .isEqualTo(Status.SUCCESSFUL);
        assertThat(outcomes.result(ExitThreeFixture.class, "alsoRunsAfterTheCrash")
                        .getStatus())
                .as("a test after the crash, on the replacement worker")
                .isEqualTo(Status.SUCCESSFUL);
    }
}
