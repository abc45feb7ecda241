package io.github.junitxdist.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Started;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/** What the relay reports when a worker ends a unit without having finished everything it started. */
class UnitRelayTests {

    private final List<String> events = new ArrayList<>();
    private final EngineDescriptor root = new EngineDescriptor(UniqueId.forEngine("xdist"), "xdist");
    private final Node testClass = new Node(root.getUniqueId().append("class", "A"), TestDescriptor.Type.CONTAINER);
    private final Node passing = new Node(testClass.getUniqueId().append("method", "passes"), TestDescriptor.Type.TEST);
    private final Node lost = new Node(testClass.getUniqueId().append("method", "lost"), TestDescriptor.Type.TEST);
    private final Node notStarted =
            new Node(testClass.getUniqueId().append("method", "notStarted"), TestDescriptor.Type.TEST);

    @Test
    void aTestAndAContainerThatStartedButNeverFinishedFailAsResultLostWhenTheUnitEnds() {
        UnitRelay relay = relayOfClassA();

        relay.handle(new Started(id(testClass)));
        relay.handle(new Started(id(passing)));
        relay.handle(new Finished(id(passing), Message.Status.SUCCESSFUL, null));
        relay.handle(new Started(id(lost)));
        relay.finish(null, "gw0");

        assertThat(events)
                .containsExactly(
                        "started A",
                        "started passes",
                        "finished passes SUCCESSFUL",
                        "started lost",
                        "finished lost FAILED junit-xdist: result lost: worker gw0 finished its unit without reporting the end"
                                + " of this test or container",
                        "started notStarted",
                        "finished notStarted FAILED junit-xdist: result lost: worker gw0 finished its unit without reporting"
                                + " the end of this test or container",
                        "finished A FAILED junit-xdist: result lost: worker gw0 finished its unit without reporting the end of"
                                + " this test or container");
    }

    @Test
    void aUnitThatReportedEverythingEndsAsItsWorkerSaid() {
        UnitRelay relay = relayOfClassA();

        relay.handle(new Started(id(testClass)));
        for (Node test : List.of(passing, lost, notStarted)) {
            relay.handle(new Started(id(test)));
            relay.handle(new Finished(id(test), Message.Status.SUCCESSFUL, null));
        }
        relay.handle(new Finished(id(testClass), Message.Status.SUCCESSFUL, null));
        relay.finish(null, "gw0");

        assertThat(events)
                .containsExactly(
                        "started A",
                        "started passes",
                        "finished passes SUCCESSFUL",
                        "started lost",
                        "finished lost SUCCESSFUL",
                        "started notStarted",
                        "finished notStarted SUCCESSFUL",
                        "finished A SUCCESSFUL");
    }

    private UnitRelay relayOfClassA() {
        root.addChild(testClass);
        List.of(passing, lost, notStarted).forEach(testClass::addChild);
        Map<String, TestDescriptor> index = new java.util.HashMap<>();
        for (TestDescriptor each : List.of(root, testClass, passing, lost, notStarted)) {
            index.put(id(each), each);
        }
        var scope = new ExecutionPlan.Scope(List.of(passing, lost, notStarted), Set.of(id(testClass)));
        var listener = new RelayListener(new Recording());
        return new UnitRelay(scope, index, listener, new TreeState(Map.of(id(testClass), 1), listener));
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }

    private static String name(TestDescriptor descriptor) {
        return descriptor.getDisplayName();
    }

    private final class Recording implements EngineExecutionListener {

        @Override
        public void executionStarted(TestDescriptor descriptor) {
            events.add("started " + name(descriptor));
        }

        @Override
        public void executionSkipped(TestDescriptor descriptor, String reason) {
            events.add("skipped " + name(descriptor) + " " + reason);
        }

        @Override
        public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
            events.add(("finished " + name(descriptor) + " " + result.getStatus() + " "
                            + result.getThrowable().map(Throwable::getMessage).orElse(""))
                    .strip());
        }
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Type type;

        Node(UniqueId id, Type type) {
            super(id, id.getLastSegment().getValue());
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }
}
