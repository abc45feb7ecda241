package io.github.junitxdist.execution;

import io.github.junitxdist.protocol.JavaSerialization;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

/** A dynamic test or container that a worker registered, as the parent's tree holds it. */
final class RemoteDescriptor extends AbstractTestDescriptor {

    private final Type type;
    private final Set<TestTag> tags;
    private final String legacyReportingName;

    RemoteDescriptor(TestIdentifier identifier) {
        super(identifier.getUniqueIdObject(), identifier.getDisplayName(), identifier.getSource().orElse(null));
        this.type = identifier.getType();
        this.tags = identifier.getTags();
        this.legacyReportingName = identifier.getLegacyReportingName();
    }

    /**
     * Adds what a worker registered to the parent's tree and index, below its parent; empty if it cannot be read, its
     * parent is unknown, or it is there already.
     */
    static Optional<RemoteDescriptor> register(DynamicTestRegistered message, Map<String, TestDescriptor> index) {
        TestIdentifier identifier;
        try {
            identifier = (TestIdentifier) JavaSerialization.deserialize(message.testIdentifier());
        } catch (Exception e) {
            return Optional.empty();
        }
        TestDescriptor parent = identifier.getParentId().map(index::get).orElse(null);
        if (parent == null || index.containsKey(identifier.getUniqueId())) {
            return Optional.empty();
        }
        var descriptor = new RemoteDescriptor(identifier);
        parent.addChild(descriptor);
        index.put(identifier.getUniqueId(), descriptor);
        return Optional.of(descriptor);
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyReportingName;
    }
}
