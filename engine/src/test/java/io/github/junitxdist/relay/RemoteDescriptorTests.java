package io.github.junitxdist.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Source;
import java.util.ArrayList;
import java.util.HashMap;
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

/** A dynamic test the parent cannot read back is reported, failed with the reason, instead of vanishing. */
class RemoteDescriptorTests {

    private final List<String> events = new ArrayList<>();

    @Test
    void aDynamicTestWhoseDescriptorCannotBeReadBackFailsSayingWhy() {
        var root = new EngineDescriptor(UniqueId.forEngine("xdist"), "xdist");
        var testClass = new Node(root.getUniqueId().append("class", "A"), TestDescriptor.Type.CONTAINER, false);
        var factory =
                new Node(testClass.getUniqueId().append("test-factory", "f"), TestDescriptor.Type.CONTAINER, true);
        root.addChild(testClass);
        testClass.addChild(factory);
        Map<String, TestDescriptor> index = new HashMap<>();
        List.of(root, testClass, factory).forEach(d -> index.put(d.getUniqueId().toString(), d));
        var listener = new RelayListener(new Recording());
        var relay = new UnitRelay(
                new ExecutionPlan.Scope(List.of(factory), Set.of(id(testClass))),
                index,
                listener,
                new TreeState(Map.of(id(testClass), 1), listener));
        String dynamic = factory.getUniqueId().append("dynamic-test", "#1").toString();

        relay.handle(new Started(id(testClass)));
        relay.handle(new Started(id(factory)));
        relay.handle(new DynamicTestRegistered(
                dynamic,
                id(factory),
                "dyn",
                "dyn",
                TestDescriptor.Type.TEST,
                List.of(),
                new Source.Serialized("x.OwnSource", new byte[] {1, 2, 3})));
        relay.handle(new Started(dynamic));
        relay.handle(new Finished(dynamic, Message.Status.SUCCESSFUL, null));
        relay.handle(new Finished(id(factory), Message.Status.SUCCESSFUL, null));
        relay.handle(new Finished(id(testClass), Message.Status.SUCCESSFUL, null));
        relay.finish(null, "gw0");

        assertThat(events).hasSize(7);
        assertThat(events.subList(0, 4)).containsExactly("started A", "started f", "registered dyn", "started dyn");
        assertThat(events.get(4))
                .startsWith(
                        "finished dyn FAILED junit-xdist could not read back this dynamic test's descriptor from the worker: ");
        assertThat(events.subList(5, 7)).containsExactly("finished f SUCCESSFUL", "finished A SUCCESSFUL");
    }

    private static String id(TestDescriptor descriptor) {
        return descriptor.getUniqueId().toString();
    }

    private final class Recording implements EngineExecutionListener {

        @Override
        public void dynamicTestRegistered(TestDescriptor descriptor) {
            events.add("registered " + descriptor.getDisplayName());
        }

        @Override
        public void executionStarted(TestDescriptor descriptor) {
            events.add("started " + descriptor.getDisplayName());
        }

        @Override
        public void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
            events.add(("finished " + descriptor.getDisplayName() + " " + result.getStatus() + " "
                            + result.getThrowable().map(Throwable::getMessage).orElse(""))
                    .strip());
        }
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Type type;
        private final boolean registersTests;

        Node(UniqueId id, Type type, boolean registersTests) {
            super(id, id.getLastSegment().getValue());
            this.type = type;
            this.registersTests = registersTests;
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public boolean mayRegisterTests() {
            return registersTests;
        }
    }
}
