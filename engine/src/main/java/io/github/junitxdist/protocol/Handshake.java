package io.github.junitxdist.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalInt;
import org.apiguardian.api.API;

/**
 * The first bytes a worker sends after it connects: a frame of fixed length ({@value #LENGTH} bytes), so that the
 * parent checks the run's secret before it reads anything whose length the other side chooses.
 *
 * <p>Layout: the magic {@code "xdist-h2"} (8 ASCII bytes, whose digit is the protocol's version: a worker of another
 * version is refused), the run's secret ({@value #SECRET_LENGTH} bytes), the
 * launch number (a big-endian {@code int}). Only after a handshake that presents the secret do {@link Message}s follow.
 * Stateless.
 *
 * @since 0.1
 */
@API(status = INTERNAL, since = "0.1")
public final class Handshake {

    /** Length of a run's secret in bytes. */
    public static final int SECRET_LENGTH = 32;

    private static final byte[] MAGIC = "xdist-h2".getBytes(StandardCharsets.US_ASCII);

    /** Length of a handshake frame in bytes. */
    public static final int LENGTH = 8 + SECRET_LENGTH + Integer.BYTES;

    private Handshake() {}

    /**
     * The frame a worker sends.
     *
     * @param secret the run's secret, {@value #SECRET_LENGTH} bytes
     * @param launch which start of a worker this is
     */
    public static byte[] encode(byte[] secret, int launch) {
        if (secret.length != SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "A junit-xdist secret has " + SECRET_LENGTH + " bytes, not " + secret.length);
        }
        return ByteBuffer.allocate(LENGTH).put(MAGIC).put(secret).putInt(launch).array();
    }

    /**
     * The launch number a frame presents, when it is a handshake that carries the given secret; empty otherwise. The
     * secret is compared in time independent of where it differs.
     *
     * @param frame the first {@value #LENGTH} bytes read from a connection
     */
    public static OptionalInt launch(byte[] frame, byte[] secret) {
        if (frame.length != LENGTH) {
            return OptionalInt.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        byte[] magic = new byte[MAGIC.length];
        byte[] presented = new byte[SECRET_LENGTH];
        buffer.get(magic).get(presented);
        boolean authentic = MessageDigest.isEqual(presented, secret) && Arrays.equals(magic, MAGIC);
        return authentic ? OptionalInt.of(buffer.getInt()) : OptionalInt.empty();
    }
}
