package io.github.junitxdist.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads one of a worker's real output streams (stdout or stderr) to its end on a daemon thread: shows each line on the
 * calling JVM's stderr, prefixed with the worker's name, and keeps the last {@value #TAIL_LINES} lines for the reports
 * of a worker that could not start or died (the JVM reports a bad option on stdout, a crash on either stream).
 *
 * <p>Bounded: a line longer than {@value #MAX_LINE_CHARS} characters is broken there, so a stream without line breaks
 * cannot exhaust the calling JVM's memory. Thread-safe.
 */
final class OutputDrain {

    private static final int TAIL_LINES = 30;
    private static final int MAX_LINE_CHARS = 4096;

    private final String stream;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread thread;

    /**
     * Starts draining.
     *
     * @param worker the worker's name, for the prefix
     * @param stream {@code "stdout"} or {@code "stderr"}
     */
    OutputDrain(String worker, String stream, InputStream input, PrintStream diagnostics) {
        this.stream = stream;
        this.thread = new Thread(
                () -> drain(input, "[" + worker + "] ", diagnostics), "junit-xdist-" + worker + "-" + stream);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The last lines read, after waiting up to the given time for the stream to end (so that what a process wrote just
     * before it exited is not missed; a process it started may keep the stream open, hence the bound).
     *
     * @param waitMillis at most how long to wait; 0 not at all
     */
    List<String> tail(long waitMillis) {
        try {
            if (waitMillis > 0) {
                thread.join(waitMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** {@code "stdout"} or {@code "stderr"}. */
    String stream() {
        return stream;
    }

    private void drain(InputStream input, String prefix, PrintStream diagnostics) {
        try (Reader reader = new InputStreamReader(input, Charset.defaultCharset())) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n' || line.length() == MAX_LINE_CHARS) {
                    emit(line, prefix, diagnostics);
                }
                if (c != '\n' && c != '\r') {
                    line.append((char) c);
                }
            }
            if (!line.isEmpty()) {
                emit(line, prefix, diagnostics);
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private void emit(StringBuilder line, String prefix, PrintStream diagnostics) {
        String text = line.toString();
        line.setLength(0);
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(text);
        }
        diagnostics.println(prefix + text);
    }
}
