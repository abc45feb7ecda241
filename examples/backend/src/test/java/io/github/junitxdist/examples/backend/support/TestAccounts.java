package io.github.junitxdist.examples.backend.support;

import io.github.junitxdist.examples.backend.account.AccountNumber;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh account numbers and owner names, unique across the classes and workers that share a database, so that a test
 * sees only the rows it made.
 */
public final class TestAccounts {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestAccounts() {}

    /** A valid number no other test uses: this JVM's process id and a counter make its national part. */
    public static AccountNumber number() {
        long serial = SEQUENCE.incrementAndGet();
        return AccountNumber.of(
                "GB", "XDST%08d%06d".formatted(ProcessHandle.current().pid() % 100_000_000, serial % 1_000_000));
    }

    /** An owner name no other test uses. */
    public static String owner(String stem) {
        return stem + "-" + WorkerDatabase.WORKER + "-"
                + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }
}
