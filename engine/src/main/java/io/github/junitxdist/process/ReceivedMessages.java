package io.github.junitxdist.process;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.ToParent;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link WorkerHandle} does with each message of its worker: one method per message a worker sends, so a new
 * message does not compile until it is said here what becomes of it. Thread dumps and the news that the JVM exits are
 * the handle's own; the end of a unit changes its state; everything else belongs to the running unit.
 *
 * <p>Used on the worker's reading thread only; holds no state of its own.
 */
final class ReceivedMessages implements ToParent.Visitor<@Nullable Void> {

    private final WorkerHandle handle;

    ReceivedMessages(WorkerHandle handle) {
        this.handle = handle;
    }

    @Override
    public @Nullable Void threadDump(Message.ThreadDump m) {
        handle.limits().threadDump(handle.process(), m.text());
        return null;
    }

    @Override
    public @Nullable Void exiting(Message.Exiting m) {
        handle.limits().exiting(System.nanoTime());
        return null;
    }

    @Override
    public @Nullable Void unitDone(Message.UnitDone m) {
        handle.unitDone(m);
        return null;
    }

    @Override
    public @Nullable Void output(Message.Output m) {
        return relay(m);
    }

    @Override
    public @Nullable Void dynamicTestRegistered(Message.DynamicTestRegistered m) {
        return relay(m);
    }

    @Override
    public @Nullable Void started(Message.Started m) {
        return relay(m);
    }

    @Override
    public @Nullable Void skipped(Message.Skipped m) {
        return relay(m);
    }

    @Override
    public @Nullable Void finished(Message.Finished m) {
        return relay(m);
    }

    @Override
    public @Nullable Void reportEntry(Message.ReportEntry m) {
        return relay(m);
    }

    @Override
    public @Nullable Void fileEntry(Message.FileEntry m) {
        return relay(m);
    }

    private @Nullable Void relay(ToParent message) {
        handle.relay(message);
        return null;
    }
}
