package io.github.junitxdist.relay;

import io.github.junitxdist.protocol.JavaSerialization;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A dynamic test or container that a worker registered, as the parent's tree holds it.
 *
 * <p>Immutable once registered; registered under the {@link RelayListener}'s lock.
 */
final class RemoteDescriptor extends AbstractTestDescriptor {

    private final Type type;
    private final Set<TestTag> tags;
    private final String legacyReportingName;
    private final @Nullable Throwable unreadable;

    private RemoteDescriptor(TestIdentifier identifier) {
        super(
                identifier.getUniqueIdObject(),
                identifier.getDisplayName(),
                identifier.getSource().orElse(null));
        this.type = identifier.getType();
        this.tags = identifier.getTags();
        this.legacyReportingName = identifier.getLegacyReportingName();
        this.unreadable = null;
    }

    private RemoteDescriptor(UniqueId uniqueId, String displayName, Throwable unreadable) {
        super(uniqueId, displayName);
        this.type = Type.TEST;
        this.tags = Set.of();
        this.legacyReportingName = displayName;
        this.unreadable = unreadable;
    }

    /**
     * Adds what a worker registered to the parent's tree and index, below its parent; empty if its parent is unknown or
     * it is there already. One whose {@code TestIdentifier} cannot be read back is still added, from the plain fields
     * of the message, as a test that {@linkplain #unreadable() fails with the reason} when it ends: it must not vanish.
     */
    static Optional<RemoteDescriptor> register(DynamicTestRegistered message, Map<String, TestDescriptor> index) {
        TestDescriptor parent = index.get(message.parentId());
        if (parent == null || index.containsKey(message.uniqueId())) {
            return Optional.empty();
        }
        RemoteDescriptor descriptor;
        try {
            descriptor = new RemoteDescriptor((TestIdentifier) JavaSerialization.deserialize(message.testIdentifier()));
        } catch (Exception | LinkageError e) {
            UniqueId id;
            try {
                id = UniqueId.parse(message.uniqueId());
            } catch (RuntimeException unparsable) {
                return Optional.empty(); // the events that follow name an id no one knows; they are dropped
            }
            descriptor = new RemoteDescriptor(
                    id,
                    message.displayName(),
                    new IllegalStateException(
                            "junit-xdist could not read back this dynamic test's descriptor from the worker: " + e, e));
        }
        parent.addChild(descriptor);
        index.put(message.uniqueId(), descriptor);
        return Optional.of(descriptor);
    }

    /** Why the worker's descriptor could not be read back; a test with a reason fails with it when it ends. */
    @Nullable
    Throwable unreadable() {
        return unreadable;
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
