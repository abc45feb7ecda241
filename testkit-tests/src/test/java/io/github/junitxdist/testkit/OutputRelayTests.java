package io.github.junitxdist.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.engine.XdistTestEngine;
import io.github.junitxdist.testkit.fixtures.fidelity.OutputFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.OutputFixture.FirstPrinterFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.OutputFixture.SecondPrinterFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.OutputFixture.ThirdPrinterFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.StreamClosingFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.StreamClosingFixture.CloserFixture;
import io.github.junitxdist.testkit.fixtures.fidelity.StreamClosingFixture.PrinterFixture;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Proves that what a test prints on {@code System.out} and {@code System.err} in a worker reaches the parent's
 * streams between that test's start and finish, and nowhere else, while two workers run tests concurrently; and that a
 * test that closes its worker's streams silences only its own unit.
 */
class OutputRelayTests {

    private static final String STARTED = "[started] ";
    private static final String FINISHED = "[finished] ";

    @Test
    void relaysEachTestsOutputBetweenItsOwnStartAndFinish() {
        Capture capture = new Capture();
        Map<String, TestExecutionResult.Status> statuses = new ConcurrentHashMap<>();

        runPrintersOnTwoWorkers(capture, statuses);

        assertThat(statuses)
                .hasSize(9)
                .allSatisfy((token, status) ->
                        assertThat(status).as(token).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        List<String> shared = capture.shared.lines();
        for (String token : statuses.keySet()) {
            assertOutputOfOneTest(token, shared);
            assertThat(capture.outOnly.lines()).as("System.out").containsAll(printedLines(token, "out"));
            assertThat(capture.errOnly.lines()).as("System.err").containsAll(printedLines(token, "err"));
        }
    }

    @Test
    void aClassThatClosesTheStandardStreamsDoesNotSilenceTheNextClassOnItsWorker(@TempDir Path durations) {
        Capture capture = new Capture();
        Map<String, TestExecutionResult.Status> statuses = new ConcurrentHashMap<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CloserFixture.class), selectClass(PrinterFixture.class))
                .configurationParameter("xdist.workers", "1")
                .configurationParameter(
                        "xdist.durations.file", durations.resolve("durations").toString())
                .build();

        execute(request, capture, new MarkingListener(capture.shared, statuses));

        assertThat(statuses)
                .containsOnlyKeys(
                        OutputFixture.token("CloserFixture", "closesTheStandardStreams"),
                        OutputFixture.token("CloserFixture", "printsIntoClosedStreams"),
                        OutputFixture.token("PrinterFixture", "prints"));
        assertThat(statuses)
                .allSatisfy((token, status) ->
                        assertThat(status).as(token).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        assertThat(capture.outOnly.lines()).as("System.out").contains("out " + StreamClosingFixture.MARKER);
        assertThat(capture.errOnly.lines()).as("System.err").contains("err " + StreamClosingFixture.MARKER);
    }

    private static void runPrintersOnTwoWorkers(Capture capture, Map<String, TestExecutionResult.Status> statuses) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(
                        selectClass(FirstPrinterFixture.class),
                        selectClass(SecondPrinterFixture.class),
                        selectClass(ThirdPrinterFixture.class))
                .configurationParameter("xdist.workers", "2")
                .build();
        execute(request, capture, new MarkingListener(capture.shared, statuses));
    }

    /** Runs the request through a Launcher that knows only junit-xdist, with this JVM's streams captured. */
    private static void execute(LauncherDiscoveryRequest request, Capture capture, TestExecutionListener listener) {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new XdistTestEngine())
                .build());
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(capture.out);
        System.setErr(capture.err);
        try {
            launcher.execute(request, listener);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** The test's six printed lines all sit between its own markers, and its token appears nowhere else. */
    private static void assertOutputOfOneTest(String token, List<String> lines) {
        int start = lines.indexOf(STARTED + token);
        int finish = lines.indexOf(FINISHED + token);
        assertThat(start).as("start marker of %s", token).isNotNegative();
        assertThat(finish).as("finish marker of %s", token).isGreaterThan(start);

        List<String> expected = new ArrayList<>(printedLines(token, "out"));
        expected.addAll(printedLines(token, "err"));
        List<String> printedInside = lines.subList(start + 1, finish).stream()
                .filter(line -> line.contains(token))
                .toList();
        assertThat(printedInside)
                .as("lines of %s between its markers", token)
                .containsExactlyInAnyOrderElementsOf(expected);
        long everywhere = lines.stream().filter(line -> line.contains(token)).count();
        assertThat(everywhere)
                .as("lines naming %s anywhere, markers included", token)
                .isEqualTo(expected.size() + 2);
    }

    private static List<String> printedLines(String token, String stream) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < OutputFixture.REPETITIONS; i++) {
            lines.add(stream + " " + token + " #" + i);
        }
        return lines;
    }

    /** Writes a start and a finish marker per test into the shared capture, and records each test's status. */
    private static final class MarkingListener implements TestExecutionListener {
        private final Sink shared;
        private final Map<String, TestExecutionResult.Status> statuses;

        MarkingListener(Sink shared, Map<String, TestExecutionResult.Status> statuses) {
            this.shared = shared;
            this.statuses = statuses;
        }

        @Override
        public void executionStarted(TestIdentifier test) {
            if (test.isTest()) {
                shared.writeLine(STARTED + token(test));
            }
        }

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                shared.writeLine(FINISHED + token(test));
                statuses.put(token(test), result.getStatus());
            }
        }

        private static String token(TestIdentifier test) {
            MethodSource source = (MethodSource) test.getSource().orElseThrow();
            String className = source.getClassName();
            String simpleName =
                    className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
            return OutputFixture.token(simpleName, source.getMethodName());
        }
    }

    /** One shared, totally ordered capture of both streams and the markers, plus one capture per stream. */
    private static final class Capture {
        final Sink shared = new Sink();
        final Sink outOnly = new Sink();
        final Sink errOnly = new Sink();
        final PrintStream out = new PrintStream(new Tee(shared, outOnly), true, UTF_8);
        final PrintStream err = new PrintStream(new Tee(shared, errOnly), true, UTF_8);
    }

    /** A byte sink whose writes are atomic with respect to each other; the sink itself is the lock. */
    private static final class Sink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        void writeLine(String line) {
            byte[] b = (line + System.lineSeparator()).getBytes(UTF_8);
            write(b, 0, b.length);
        }

        synchronized List<String> lines() {
            return bytes.toString(UTF_8).lines().toList();
        }
    }

    /** Writes to the shared sink and to one stream's own sink. */
    private static final class Tee extends OutputStream {
        private final Sink shared;
        private final Sink own;

        Tee(Sink shared, Sink own) {
            this.shared = shared;
            this.own = own;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            shared.write(b, off, len);
            own.write(b, off, len);
        }
    }
}
