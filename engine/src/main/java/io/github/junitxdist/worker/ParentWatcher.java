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
    static Thread start(Channel channel, BlockingQueue<Message> inbox, Runnable cancel, FailureGate gate) {
        PrintStream diagnostics = System.err;
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    Message message = channel.receive();
                    if (message instanceof Message.DumpThreads) {
                        channel.send(new Message.ThreadDump(ThreadDumps.all()));
                    } else if (message instanceof Message.Cancel) {
                        cancel.run();
                    } else if (message instanceof Message.Verdict verdict) {
                        gate.verdict(verdict.cancelled(), cancel);
                    } else {
                        inbox.add(message);
                    }
                    if (message instanceof Message.Shutdown) {
                        // Nothing more comes. Stop reading: while a thread waits in a native read, the JVM's exit
                        // waits 300 ms for it to come out, and the parent waits for the worker's exit.
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                diagnostics.println("junit-xdist worker: connection to the parent closed (" + e + "), exiting");
                Runtime.getRuntime().halt(WorkerMain.PARENT_GONE);
            }
        }, "junit-xdist-channel-reader");
        reader.setDaemon(true);
        reader.start();

        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread watcher = new Thread(() -> {
            while (parent.map(ProcessHandle::isAlive).orElse(true)) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            diagnostics.println("junit-xdist worker: parent process is gone, exiting");
            Runtime.getRuntime().halt(WorkerMain.PARENT_GONE);
        }, "junit-xdist-parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
        return reader;
    }
}
