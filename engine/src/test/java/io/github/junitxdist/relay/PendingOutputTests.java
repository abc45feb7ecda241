package io.github.junitxdist.relay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.Started;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;

class PendingOutputTests {

    @Test
    void writesOutputAndRelaysHeldEventsInTheOrderTheyCameAlsoPastTheMemoryLimit() {
        List<String> order = new ArrayList<>();
        var pending = new PendingOutput(event -> order.add("event " + ((Started) event).uniqueId()));
        byte[] large = new byte[PendingOutput.MEMORY_LIMIT];
        Arrays.fill(large, (byte) 'x');
        pending.add(new Output(false, "class\n".getBytes(UTF_8)));
        pending.add(new Started("first"));
        pending.add(new Output(false, large)); // spills from here on
        pending.add(new Started("second"));
        pending.add(new Output(true, "last\n".getBytes(UTF_8)));

        List<String> written = writeAll(pending, order);

        assertThat(written)
                .containsExactly(
                        "out class",
                        "event first",
                        "out " + PendingOutput.MEMORY_LIMIT + " bytes",
                        "event second",
                        "err last");
        assertThat(pending.isEmpty()).isTrue();
    }

    /** Writes what is pending, recording each write to System.out or System.err in {@code order} as it happens. */
    private static List<String> writeAll(PendingOutput pending, List<String> order) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(new Recorder("out", order), true, UTF_8));
        System.setErr(new PrintStream(new Recorder("err", order), true, UTF_8));
        try {
            pending.writeTo(new RelayListener(new EngineExecutionListener() {}));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return order;
    }

    /** Records each write as one entry: the text without its line end, or the size of a large write. */
    private static final class Recorder extends ByteArrayOutputStream {
        private final String stream;
        private final List<String> order;

        Recorder(String stream, List<String> order) {
            this.stream = stream;
            this.order = order;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            order.add(stream + " "
                    + (length > 100 ? length + " bytes" : new String(bytes, offset, length, UTF_8).strip()));
        }
    }
}
