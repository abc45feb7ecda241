package io.github.junitxdist.testkit.process;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints the command line and output of every child process a test started when that test fails, and makes sure none
 * of them outlives the test.
 *
 * <p>The process tests run one at a time (the module's Surefire runs plain Jupiter, sequentially), so a single static
 * list of the current test's processes is enough.
 */
final class ProcessOutputOnFailure implements BeforeEachCallback, TestWatcher {

    private static final List<ChildProcess> STARTED = new ArrayList<>();

    static synchronized void started(ChildProcess process) {
        STARTED.add(process);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (ProcessOutputOnFailure.class) {
            STARTED.clear();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        synchronized (ProcessOutputOnFailure.class) {
            for (ChildProcess process : STARTED) {
                System.err.println(
                        "===== child process of failed test " + context.getDisplayName() + "\n" + process.describe());
            }
        }
        closeAll();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        closeAll();
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        closeAll();
    }

    private static synchronized void closeAll() {
        STARTED.forEach(ChildProcess::close);
        STARTED.clear();
    }
}
