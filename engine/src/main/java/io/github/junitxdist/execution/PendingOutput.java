package io.github.junitxdist.execution;

import io.github.junitxdist.protocol.Message.Output;
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
import org.jspecify.annotations.Nullable;

/**
 * Output of one worker held back until its next event: in memory up to {@value #MEMORY_LIMIT} bytes, past that in a
 * temporary file, so a test that prints hundreds of megabytes costs the calling JVM no more than that memory.
 *
 * <p>Confined to the thread relaying its unit.
 */
final class PendingOutput {

    static final int MEMORY_LIMIT = 1024 * 1024;

    private final List<Output> memory = new ArrayList<>();
    private long memoryBytes;
    private @Nullable Path spillFile;
    private @Nullable DataOutputStream spill;

    boolean isEmpty() {
        return memory.isEmpty() && spill == null;
    }

    void add(Output output) {
        if (spill == null && memoryBytes + output.bytes().length <= MEMORY_LIMIT) {
            memory.add(output);
            memoryBytes += output.bytes().length;
            return;
        }
        try {
            if (spill == null) {
                spillFile = Files.createTempFile("junit-xdist-output-", ".tmp");
                spillFile.toFile().deleteOnExit();
                spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile), 64 * 1024));
            }
            spill.writeBoolean(output.stderr());
            spill.writeInt(output.bytes().length);
            spill.write(output.bytes());
        } catch (IOException e) {
            throw new IllegalStateException("junit-xdist could not hold back a test's output in " + spillFile, e);
        }
    }

    /** Writes everything held back, in order, and forgets it; must be called while holding the listener's lock. */
    void writeTo(RelayListener listener) {
        memory.forEach(output -> listener.output(output.stderr(), output.bytes()));
        memory.clear();
        memoryBytes = 0;
        if (spill != null) {
            writeSpilled(listener);
        }
    }

    private void writeSpilled(RelayListener listener) {
        Path file = spillFile;
        try {
            spill.close();
            try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                while (true) {
                    boolean stderr;
                    try {
                        stderr = in.readBoolean();
                    } catch (EOFException end) {
                        break;
                    }
                    byte[] bytes = new byte[in.readInt()];
                    in.readFully(bytes);
                    listener.output(stderr, bytes);
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
