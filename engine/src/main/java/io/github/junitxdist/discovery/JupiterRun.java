package io.github.junitxdist.discovery;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Whether the current Launcher discovery left its tests to the Jupiter engine, which then runs them in the calling JVM
 * exactly as without junit-xdist, and why: junit-xdist decided before discovering that workers would not pay off.
 *
 * <p>JVM-wide, like {@link TakeoverRecord}: the engine sets it during its discovery, {@link DiscoveryStartListener}
 * clears it when an outermost Launcher discovery starts, and the execution listener that announces the decision,
 * gives the tests their worker identity and records their durations reads it when the test plan executes.
 * Thread-safe.
 *
 * @param reason one line for the console, starting with {@code junit-xdist:}
 * @param durationsFile the duration history the run's durations go to
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public record JupiterRun(String reason, Path durationsFile) {

    private static final AtomicReference<@Nullable JupiterRun> CURRENT = new AtomicReference<>();

    /** Records that the current discovery leaves its tests to Jupiter. */
    public static void leave(JupiterRun run) {
        CURRENT.set(run);
    }

    /** The current discovery's decision to leave its tests to Jupiter, if it made one. */
    public static Optional<JupiterRun> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    static void reset() {
        CURRENT.set(null);
    }
}
