package io.github.junitxdist.worker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats the stack traces and held locks of every thread of this JVM. */
final class ThreadDumps {

    private ThreadDumps() {}

    static String all() {
        ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        return Arrays.stream(threads).map(ThreadDumps::format).collect(Collectors.joining("\n"));
    }

    /** Like {@link ThreadInfo#toString()}, but with the whole stack, not only its first eight frames. */
    private static String format(ThreadInfo thread) {
        var text = new StringBuilder();
        text.append('"')
                .append(thread.getThreadName())
                .append("\" ")
                .append(thread.isDaemon() ? "daemon " : "")
                .append(thread.getThreadState());
        if (thread.getLockName() != null) {
            text.append(" on ").append(thread.getLockName());
        }
        if (thread.getLockOwnerName() != null) {
            text.append(" owned by \"").append(thread.getLockOwnerName()).append('"');
        }
        text.append('\n');
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append("\tat ").append(frame).append('\n');
        }
        return text.toString();
    }
}
