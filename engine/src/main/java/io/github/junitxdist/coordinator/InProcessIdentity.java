package io.github.junitxdist.coordinator;

import static io.github.junitxdist.api.Constants.IN_PROCESS_WORKER;
import static io.github.junitxdist.api.Constants.TEST_RUN_UID_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_COUNT_SYSTEM_PROPERTY;
import static io.github.junitxdist.api.Constants.WORKER_SYSTEM_PROPERTY;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The worker identity of tests that run in the calling JVM: {@code xdist.worker=main}, one worker, a fresh run id; set
 * for the run and put back as it was after it. Not thread-safe: one run at a time sets and restores it.
 */
final class InProcessIdentity {

    private final Map<String, @Nullable String> previous = new HashMap<>();

    private InProcessIdentity() {}

    /** Sets the identity, remembering what the properties held before. */
    static InProcessIdentity set() {
        var identity = new InProcessIdentity();
        Map<String, String> values = Map.of(
                WORKER_SYSTEM_PROPERTY,
                IN_PROCESS_WORKER,
                WORKER_COUNT_SYSTEM_PROPERTY,
                "1",
                TEST_RUN_UID_SYSTEM_PROPERTY,
                newTestRunUid());
        values.forEach((key, value) -> identity.previous.put(key, System.setProperty(key, value)));
        return identity;
    }

    /**
     * One random id per run, the same in every worker of that run: 32 hex digits. It names a run, it guards nothing, so
     * it comes from {@link ThreadLocalRandom} (seeded from the clocks): the first {@code UUID.randomUUID()} of a JVM
     * seeds a {@code SecureRandom}, which cost a one-test run in the IDE 50 to 150 ms here.
     */
    static String newTestRunUid() {
        var random = ThreadLocalRandom.current();
        return "%016x%016x".formatted(random.nextLong(), random.nextLong());
    }

    /** Puts the properties back as they were. */
    void restore() {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }
}
