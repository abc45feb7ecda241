package io.github.junitxdist.relay;

import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.TestSources;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

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

    private RemoteDescriptor(
            UniqueId uniqueId,
            DynamicTestRegistered message,
            @Nullable TestSource source,
            Set<TestTag> tags,
            @Nullable Throwable unreadable) {
        super(uniqueId, message.displayName(), source);
        this.type = message.type();
        this.tags = tags;
        this.legacyReportingName = message.legacyReportingName();
        this.unreadable = unreadable;
    }

    /**
     * Adds what a worker registered to the parent's tree and index, below its parent; empty if its parent is unknown,
     * it is there already, or its id does not parse. One whose source or tags cannot be read back is still added, with
     * the rest of what the worker sent, and {@linkplain #unreadable() fails with the reason} when it ends: it must not
     * vanish.
     */
    static Optional<RemoteDescriptor> register(DynamicTestRegistered message, Map<String, TestDescriptor> index) {
        TestDescriptor parent = index.get(message.parentId());
        if (parent == null || index.containsKey(message.uniqueId())) {
            return Optional.empty();
        }
        UniqueId id;
        try {
            id = uniqueId(message, parent);
        } catch (RuntimeException unparsable) {
            return Optional.empty(); // the events that follow name an id no one knows; they are dropped
        }
        TestSource source = null;
        Set<TestTag> tags = Set.of();
        Throwable unreadable = null;
        try {
            tags = tags(message.tags());
            source = TestSources.restore(message.source());
        } catch (Exception | LinkageError e) {
            unreadable = new IllegalStateException(
                    "junit-xdist could not read back this dynamic test's descriptor from the worker: " + e, e);
        }
        var descriptor = new RemoteDescriptor(id, message, source, tags, unreadable);
        parent.addChild(descriptor);
        index.put(message.uniqueId(), descriptor);
        return Optional.of(descriptor);
    }

    /**
     * The parent's id with the last segment appended, when the id is that (as every dynamic id of Jupiter's is): only
     * that segment is parsed, not the whole id again.
     */
    private static UniqueId uniqueId(DynamicTestRegistered message, TestDescriptor parent) {
        String lastSegment = message.lastSegment();
        if (lastSegment != null) {
            List<UniqueId.Segment> last = UniqueId.parse(lastSegment).getSegments();
            if (last.size() == 1) {
                return parent.getUniqueId().append(last.get(0));
            }
        }
        return UniqueId.parse(message.uniqueId());
    }

    private static Set<TestTag> tags(List<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        Set<TestTag> tags = new LinkedHashSet<>();
        names.forEach(name -> tags.add(TestTag.create(name)));
        return tags;
    }

    /** Why the worker's descriptor could not be read back; a node with a reason fails with it when it ends. */
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
