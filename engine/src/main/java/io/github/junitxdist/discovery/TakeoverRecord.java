package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * The Jupiter tests that junit-xdist took over in the current discovery, so that the Jupiter engine does not run them a
 * second time.
 *
 * <p>JVM-wide: the engine and the auto-registered {@link TakeoverFilter} are created by the Launcher independently and
 * share nothing else. {@link DiscoveryStartListener} clears it when a Launcher discovery starts; the engine adds to it
 * during its discovery; the filter reads it after all engines have discovered. Thread-safe.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class TakeoverRecord {

    static final String JUPITER_ENGINE_ID = "junit-jupiter";

    private static final Set<String> TAKEN_OVER = ConcurrentHashMap.newKeySet();

    private TakeoverRecord() {}

    static void reset() {
        TAKEN_OVER.clear();
    }

    /** Records every descriptor of the given junit-xdist tree as taken over. */
    public static void takeOver(TestDescriptor xdistRoot) {
        xdistRoot.accept(descriptor -> {
            if (!descriptor.isRoot()) {
                TAKEN_OVER.add(asJupiterId(descriptor.getUniqueId()).toString());
            }
        });
    }

    static boolean isTakenOver(UniqueId jupiterId) {
        return !TAKEN_OVER.isEmpty() && TAKEN_OVER.contains(jupiterId.toString());
    }

    private static UniqueId asJupiterId(UniqueId xdistId) {
        UniqueId result = UniqueId.forEngine(JUPITER_ENGINE_ID);
        var segments = xdistId.getSegments();
        for (int i = 1; i < segments.size(); i++) {
            result = result.append(segments.get(i));
        }
        return result;
    }

    static boolean isJupiterDescriptor(UniqueId uniqueId) {
        return uniqueId.getEngineId().filter(JUPITER_ENGINE_ID::equals).isPresent();
    }
}
