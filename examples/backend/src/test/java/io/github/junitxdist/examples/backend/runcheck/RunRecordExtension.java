package io.github.junitxdist.examples.backend.runcheck;

import java.time.Instant;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Prints one {@link RunRecord} line per test: its class, the worker it ran on ({@code xdist.worker}) and when it
 * started and ended. Surefire files the line in that test's {@code <system-out>}, where {@link SurefireReportsIT}
 * reads it after the run. Registered for every test class through {@code META-INF/services} and
 * {@code junit.jupiter.extensions.autodetection.enabled} in {@code junit-platform.properties}; no test class knows it.
 *
 * <p>The times are wall-clock instants ({@link Instant#now()}), which JVMs on one machine share, so records made on
 * different workers can be compared; {@code System.nanoTime()} could not.
 */
public final class RunRecordExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    private static final Namespace NAMESPACE = Namespace.create(RunRecordExtension.class);

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        context.getStore(NAMESPACE).put("start", Instant.now());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Instant start = context.getStore(NAMESPACE).get("start", Instant.class);
        RunRecord record = new RunRecord(
                context.getRequiredTestClass().getName(),
                System.getProperty("xdist.worker", "unset"),
                start,
                Instant.now());
        System.out.println(record.line());
    }
}
