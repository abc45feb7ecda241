package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Removes from the Jupiter engine's tree the tests that junit-xdist took over, so every test runs exactly once.
 *
 * <p>Registered through {@code META-INF/services}; the Launcher applies it after all engines have discovered. With the
 * {@code xdist} engine excluded ({@code --exclude-engine=xdist}) nothing was taken over and Jupiter runs everything.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class TakeoverFilter implements PostDiscoveryFilter {

    private static final FilterResult TAKEN_OVER = FilterResult.excluded(
            "run by junit-xdist on worker JVMs (exclude engine 'xdist' to run it in the Jupiter engine instead)");
    private static final FilterResult KEPT = FilterResult.included("not taken over by junit-xdist");

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        boolean takenOver = TakeoverRecord.isJupiterDescriptor(descriptor.getUniqueId())
                && TakeoverRecord.isTakenOver(descriptor.getUniqueId());
        return takenOver ? TAKEN_OVER : KEPT;
    }
}
