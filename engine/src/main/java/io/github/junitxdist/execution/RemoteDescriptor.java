package io.github.junitxdist.execution;

import java.util.Set;
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
