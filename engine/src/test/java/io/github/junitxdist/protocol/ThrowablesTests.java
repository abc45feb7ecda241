package io.github.junitxdist.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** Throwables come back as themselves when they can, and as faithful stand-ins when they cannot. */
class ThrowablesTests {

    @Test
    void aSerializableThrowableComesBackAsItself() {
        var original = new IllegalArgumentException("bad", new IllegalStateException("root"));

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored).isInstanceOf(IllegalArgumentException.class).hasMessage("bad")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(restored.getStackTrace()).isEqualTo(original.getStackTrace());
    }

    @Test
    void anUnserializableExceptionIsRebuiltWithItsClassNameMessageCausesAndSuppressed() {
        var original = new NotSerializableFieldException("broken");
        original.addSuppressed(new IllegalStateException("suppressed"));

        Throwable restored = Throwables.restore(Throwables.capture(original));

        assertThat(restored).isInstanceOf(WorkerException.class)
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

        assertThat(restored).isInstanceOf(AssertionError.class)
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
