package io.github.junitxdist.coordinator;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A process that is alive until the test ends it; it writes nothing. Thread-safe. */
final class FakeProcess extends Process {

    private final CompletableFuture<Process> exit = new CompletableFuture<>();
    private volatile int exitCode = -1;
    private final Runnable onKill;

    /** @param onKill what a kill does besides ending the process (a real worker's connection ends with it) */
    FakeProcess(Runnable onKill) {
        this.onKill = onKill;
    }

    /** Ends the process with the given code, once. */
    void exit(int code) {
        synchronized (this) {
            if (exit.isDone()) {
                return;
            }
            exitCode = code;
        }
        exit.complete(this);
    }

    @Override
    public Process destroyForcibly() {
        boolean wasAlive = isAlive();
        exit(137);
        if (wasAlive) {
            onKill.run();
        }
        return this;
    }

    @Override
    public void destroy() {
        destroyForcibly();
    }

    @Override
    public boolean isAlive() {
        return !exit.isDone();
    }

    @Override
    public CompletableFuture<Process> onExit() {
        return exit;
    }

    @Override
    public int waitFor() {
        exit.join();
        return exitCode;
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) {
        return exit.isDone(); // a fake never ends by itself: waiting longer would not help
    }

    @Override
    public int exitValue() {
        if (!exit.isDone()) {
            throw new IllegalThreadStateException("still running");
        }
        return exitCode;
    }

    @Override
    public OutputStream getOutputStream() {
        return OutputStream.nullOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public InputStream getErrorStream() {
        return new ByteArrayInputStream(new byte[0]);
    }
}
