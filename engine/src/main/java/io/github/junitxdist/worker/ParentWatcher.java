package io.github.junitxdist.worker;

import io.github.junitxdist.protocol.Channel;
import io.github.junitxdist.protocol.Message;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;

/**
 * Makes the worker exit when its parent is gone: reads the parent's messages on a daemon thread (end of stream means
 * the parent closed the connection or died; thread dumps are answered right there, whatever the main thread does) until
 * the parent says to shut down (cancellations and verdicts on failures are applied there too), and checks every second that the parent process is still alive, in case the connection
 * outlives it.
 */
final class ParentWatcher {

    private ParentWatcher() {}

    /** Starts watching; returns the thread that reads the parent's messages. */
    static Thread start(Channel channel, BlockingQueue<Message.ToWorker> inbox, Runnable cancel, FailureGate gate) {
        PrintStream diagnostics = System.err;
        Thread reader = new Thread(
                () -> {
                    try {
                        var dispatch = new Dispatch(channel, inbox, cancel, gate);
                        while (channel.receive(Message.ToWorker.class).accept(dispatch)) {
                            // Shutdown ends the loop: nothing more comes. Stop reading: while a thread waits in a
                            // native read,
                            // the JVM's exit waits 300 ms for it to come out, and the parent waits for the worker's
                            // exit.
                        }
                    } catch (IOException | RuntimeException e) {
                        diagnostics.println("junit-xdist worker: connection to the parent closed (" + e + "), exiting");
                        Runtime.getRuntime().halt(WorkerMain.PARENT_GONE);
                    }
                },
                "junit-xdist-channel-reader");
        reader.setDaemon(true);
        reader.start();

        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread watcher = new Thread(
                () -> {
                    while (parent.map(ProcessHandle::isAlive).orElse(true)) {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    diagnostics.println("junit-xdist worker: parent process is gone, exiting");
                    Runtime.getRuntime().halt(WorkerMain.PARENT_GONE);
                },
                "junit-xdist-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return reader;
    }

    /**
     * What the reader thread does with each message from the parent: answers thread dumps and applies cancellations and
     * verdicts at once, hands the rest to the main thread; returns whether to keep reading.
     */
    private record Dispatch(Channel channel, BlockingQueue<Message.ToWorker> inbox, Runnable cancel, FailureGate gate)
            implements Message.ToWorker.Visitor<Boolean> {

        @Override
        public Boolean init(Message.Init message) {
            return inbox.add(message);
        }

        @Override
        public Boolean runUnit(Message.RunUnit message) {
            return inbox.add(message);
        }

        @Override
        public Boolean shutdown(Message.Shutdown message) {
            inbox.add(message);
            return false;
        }

        @Override
        public Boolean cancel(Message.Cancel message) {
            cancel.run();
            return true;
        }

        @Override
        public Boolean verdict(Message.Verdict message) {
            gate.verdict(message.cancelled(), cancel);
            return true;
        }

        @Override
        public Boolean dumpThreads(Message.DumpThreads message) {
            try {
                channel.send(new Message.ThreadDump(ThreadDumps.all()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return true;
        }
    }
}
