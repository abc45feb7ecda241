package io.github.junitxdist.relay;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.MessageCodec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Output of one worker held back, together with the events the worker sent after it, until they are written in one go
 * (see {@link UnitRelay}): in memory up to {@value #MEMORY_LIMIT} bytes of output, past that in a temporary file, so a
 * test that prints hundreds of megabytes costs the calling JVM no more than that memory.
 *
 * <p>Holds nothing but output until output is held: an event is only ever held behind output, never first.
 *
 * <p>Confined to the thread relaying its unit.
 */
final class PendingOutput {

    static final int MEMORY_LIMIT = 1024 * 1024;

    private final Consumer<Message.ToParent> events;
    private final List<Message.ToParent> memory = new ArrayList<>();
    private long memoryBytes;
    private @Nullable Path spillFile;
    private @Nullable DataOutputStream spill;

    /** @param events relays an event that was held back; called from {@link #writeTo}, in order with the output */
    PendingOutput(Consumer<Message.ToParent> events) {
        this.events = events;
    }

    boolean isEmpty() {
        return memory.isEmpty() && spill == null;
    }

    /** Holds back output, or an event that came after held-back output. */
    void add(Message.ToParent message) {
        int bytes = message instanceof Output output ? output.bytes().length : 0;
        if (spill == null && memoryBytes + bytes <= MEMORY_LIMIT) {
            memory.add(message);
            memoryBytes += bytes;
            return;
        }
        try {
            if (spill == null) {
                spillFile = Files.createTempFile("junit-xdist-output-", ".tmp");
                spillFile.toFile().deleteOnExit();
                spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile), 64 * 1024));
            }
            MessageCodec.write(spill, message);
        } catch (IOException e) {
            throw new IllegalStateException("junit-xdist could not hold back a test's output in " + spillFile, e);
        }
    }

    /**
     * Writes the held-back output and relays the held-back events, in the order they came, and forgets them; must be
     * called while holding the listener's lock.
     */
    void writeTo(RelayListener listener) {
        List<Message.ToParent> held = List.copyOf(memory);
        memory.clear();
        memoryBytes = 0;
        held.forEach(message -> emit(listener, message));
        if (spill != null && spillFile != null) {
            writeSpilled(listener, spill, spillFile);
        }
    }

    private void emit(RelayListener listener, Message.ToParent message) {
        if (message instanceof Output output) {
            listener.output(output.stderr(), output.bytes());
        } else {
            events.accept(message);
        }
    }

    private void writeSpilled(RelayListener listener, DataOutputStream spilled, Path file) {
        try {
            spilled.close();
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                while (true) {
                    Message.ToParent message;
                    try {
                        message = (Message.ToParent) MessageCodec.read(in); // only events and output are held
                    } catch (EOFException end) {
                        break;
                    }
                    emit(listener, message);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("junit-xdist could not write a test's held-back output from " + file, e);
        } finally {
            spill = null;
            spillFile = null;
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleteOnExit still applies
            }
        }
    }
}
