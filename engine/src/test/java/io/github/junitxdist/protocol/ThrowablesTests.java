package io.github.junitxdist.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Throwables come back as themselves when they can, and as faithful stand-ins when they cannot. */
class ThrowablesTests {

    @Test
    void aSerializableThrowableComesBackAsItself() {
        var original = new IllegalArgumentException("bad", new IllegalStateException("root"));

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(restored.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void anUnserializableExceptionIsRebuiltWithItsClassNameMessageCausesAndSuppressed() {
        var original = new NotSerializableFieldException("broken");
        original.addSuppressed(new IllegalStateException("suppressed"));

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored)
                .isInstanceOf(WorkerException.class)
                .hasToString(NotSerializableFieldException.class.getName() + ": broken")
                .hasMessage("broken");
        assertThat(restored.getStackTrace()).isEqualTo(original.getStackTrace());
        assertThat(restored.getCause().toString()).isEqualTo("java.io.UncheckedIOException: io");
        assertThat(restored.getSuppressed()).singleElement().hasToString("java.lang.IllegalStateException: suppressed");
    }

    @Test
    void aRebuiltAssertionErrorStaysAnAssertionErrorAndAcceptsACause() {
        var original = new NotSerializableAssertionError();

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored)
                .isInstanceOf(AssertionError.class)
                .hasToString(NotSerializableAssertionError.class.getName());
        assertThat(restored.getMessage()).isNull();
        restored.initCause(new RuntimeException("allowed"));
        assertThat(restored.getCause()).hasMessage("allowed");
    }

    @Test
    void anAssertionFailedErrorWithAnUnserializableValueKeepsItsExpectedAndActualText() {
        var original = new AssertionFailedError("values differ", new Opaque("left"), new Opaque("right"));

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored).isExactlyInstanceOf(AssertionFailedError.class).hasMessage("values differ");
        var failure = (AssertionFailedError) restored;
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo("Opaque[name=left]");
        assertThat(failure.getActual().getStringRepresentation()).isEqualTo("Opaque[name=right]");
    }

    @Test
    void aLocalThrowableIsReturnedAsItIs() {
        var original = new NotSerializableFieldException("here");

        assertThat(Throwables.restore(Throwables.local(original))).isSameAs(original);
    }

    @Test
    void aCauseChainTooDeepForAnyStackIsCutAndSaysSo() throws IOException {
        Throwable original = new IllegalStateException("level 0");
        for (int level = 1; level <= 20_000; level++) {
            original = new IllegalStateException("level " + level, original);
        }

        Throwable restored = Throwables.restore(roundTrip(Throwables.capture(original)));

        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = restored; t != null; t = t.getCause()) {
            chain.add(t);
        }
        assertThat(chain).hasSize(Throwables.MAX_DEPTH + 1);
        assertThat(chain.get(0)).hasMessage("level 20000");
        assertThat(chain.get(chain.size() - 1).getMessage())
                .isEqualTo("[junit-xdist: cut here, %d more throwable(s) in this cause chain not shown] level %d"
                        .formatted(20_001 - Throwables.MAX_DEPTH, 20_000 - Throwables.MAX_DEPTH));
    }

    @Test
    void causesAndSuppressedThrowablesThatFormACycleAreSentOnce() throws IOException {
        var first = new NotSerializableFieldException("first");
        var second = new IllegalStateException("second", first);
        var third = new IllegalArgumentException("third", second);
        first.addSuppressed(third);
        first.addSuppressed(first.getCause());

        Throwable restored = Throwables.restore(roundTrip(Throwables.capture(third)));

        assertThat(restored).hasMessage("third");
        assertThat(restored.getCause()).hasMessage("second");
        Throwable restoredFirst = restored.getCause().getCause();
        assertThat(restoredFirst).hasToString(NotSerializableFieldException.class.getName() + ": first");
        // Its cause is also one of its suppressed throwables, which come first: each appears once, the cycle is cut.
        assertThat(restoredFirst.getSuppressed()).singleElement().hasToString("java.io.UncheckedIOException: io");
        assertThat(restoredFirst.getCause()).isNull();
    }

    @Test
    void aHugeMessageIsCutAndSaysHowMuchWasLeftOut() throws IOException {
        String huge = "x".repeat(Throwables.MAX_TEXT_CHARS + 1000);
        var original = new NotSerializableFieldException(huge);

        Throwable restored = Throwables.restore(roundTrip(Throwables.capture(original)));

        assertThat(restored.getMessage())
                .startsWith("xxxx")
                .endsWith("... [junit-xdist: 1000 more characters not shown]")
                .hasSize(Throwables.MAX_TEXT_CHARS + "... [junit-xdist: 1000 more characters not shown]".length());
    }

    @Test
    void aThrowableWhoseMethodsThrowIsStillCaptured() throws IOException {
        var original = new HostileException();

        Throwable restored = Throwables.restore(roundTrip(Throwables.capture(original)));

        assertThat(restored)
                .hasToString(HostileException.class.getName() + ": <getMessage() threw "
                        + UnsupportedOperationException.class.getName() + ">");
    }

    /** Sends a captured throwable through the wire format, as between a worker and the parent. */
    private static RemoteThrowable roundTrip(RemoteThrowable captured) throws IOException {
        var bytes = new ByteArrayOutputStream();
        MessageCodec.write(new DataOutputStream(bytes), new Message.Finished("id", Message.Status.FAILED, captured));
        var read = (Message.Finished)
                MessageCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        return read.throwable();
    }

    static final class HostileException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"serial", "unused"})
        private final Object lock = new Object();

        @Override
        public String getMessage() {
            throw new UnsupportedOperationException("no message");
        }

        @Override
        public synchronized Throwable getCause() {
            throw new UnsupportedOperationException("no cause");
        }
    }

    static final class NotSerializableFieldException extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"serial", "unused"})
        private final Object lock = new Object();

        NotSerializableFieldException(String message) {
            super(message, new java.io.UncheckedIOException("io", new IOException("inner")));
        }
    }

    static final class NotSerializableAssertionError extends AssertionError {

        @Serial
        private static final long serialVersionUID = 1L;

        private void writeObject(ObjectOutputStream out) throws IOException {
            throw new java.io.NotSerializableException("never");
        }
    }

    record Opaque(String name) {}
}
