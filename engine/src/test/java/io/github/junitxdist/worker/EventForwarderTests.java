package io.github.junitxdist.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Throwables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.TestIdentifier;

/** Whatever goes wrong while a result is forwarded, the test is reported: failed, with the reason. */
class EventForwarderTests {

    private final List<Message> sent = new ArrayList<>();
    private final TestIdentifier test = testIdentifier();

    @Test
    void aResultWhoseEncodingRunsOutOfMemoryIsReportedAsAFailureSayingSo() {
        var forwarder = new EventForwarder(failingOnce(new OutOfMemoryError("Java heap space")), Throwables::capture);

        forwarder.executionFinished(test, TestExecutionResult.failed(new IllegalStateException("original")));

        assertThat(sent).singleElement().isInstanceOfSatisfying(Finished.class, finished -> {
            assertThat(finished.uniqueId()).isEqualTo(test.getUniqueId());
            assertThat(finished.status()).isEqualTo(Message.Status.FAILED);
            assertThat(Throwables.restore(finished.throwable()).getMessage())
                    .isEqualTo("junit-xdist could not forward this test's result (FAILED) to the calling JVM: "
                            + "java.lang.OutOfMemoryError: Java heap space");
        });
    }

    @Test
    void aSuccessThatCannotBeSentBecomesAFailureRatherThanNothing() {
        var forwarder = new EventForwarder(failingOnce(new StackOverflowError()), Throwables::capture);

        forwarder.executionFinished(test, TestExecutionResult.successful());

        assertThat(sent).singleElement().isInstanceOfSatisfying(Finished.class, finished -> {
            assertThat(finished.status()).isEqualTo(Message.Status.FAILED);
            assertThat(Throwables.restore(finished.throwable()).getMessage())
                    .isEqualTo("junit-xdist could not forward this test's result (SUCCESSFUL) to the calling JVM: "
                            + "java.lang.StackOverflowError");
        });
    }

    @Test
    void aThrowableThatCannotBeCapturedFailsTheTestWithTheReason() {
        var forwarder = new EventForwarder(sent::add, throwable -> {
            if (throwable.getMessage().equals("original")) {
                throw new StackOverflowError("captured too deep");
            }
            return Throwables.capture(throwable);
        });

        forwarder.executionFinished(test, TestExecutionResult.failed(new IllegalStateException("original")));

        assertThat(sent)
                .singleElement()
                .isInstanceOfSatisfying(
                        Finished.class,
                        finished -> assertThat(
                                        Throwables.restore(finished.throwable()).getMessage())
                                .endsWith("java.lang.StackOverflowError: captured too deep"));
    }

    /** A sink that throws the given error for the first message, and keeps the others. */
    private Consumer<Message> failingOnce(Error error) {
        boolean[] failed = {false};
        return message -> {
            if (!failed[0]) {
                failed[0] = true;
                throw error;
            }
            sent.add(message);
        };
    }

    private static TestIdentifier testIdentifier() {
        var root = new EngineDescriptor(UniqueId.forEngine("xdist"), "xdist");
        var descriptor = new AbstractTestDescriptor(root.getUniqueId().append("method", "m"), "m") {
            @Override
            public Type getType() {
                return Type.TEST;
            }
        };
        root.addChild(descriptor);
        return TestIdentifier.from(descriptor);
    }
}
