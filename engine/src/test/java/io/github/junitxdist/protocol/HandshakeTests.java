package io.github.junitxdist.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A handshake lets in the holder of the secret, with its launch number, and nobody else. */
class HandshakeTests {

    private final byte[] secret = filled(7);

    @Test
    void theFrameWithTheSecretPresentsItsLaunch() {
        byte[] frame = Handshake.encode(secret, 42);

        assertThat(frame).hasSize(Handshake.LENGTH);
        assertThat(Handshake.launch(frame, secret)).hasValue(42);
    }

    @Test
    void aWrongSecretAWrongMagicOrAWrongLengthIsRefused() {
        assertThat(Handshake.launch(Handshake.encode(filled(8), 1), secret)).isEmpty();
        byte[] badMagic = Handshake.encode(secret, 1);
        badMagic[0] = 'X';
        assertThat(Handshake.launch(badMagic, secret)).isEmpty();
        assertThat(Handshake.launch(Arrays.copyOf(Handshake.encode(secret, 1), Handshake.LENGTH - 1), secret))
                .isEmpty();
        assertThat(Handshake.launch(new byte[Handshake.LENGTH], secret)).isEmpty();
    }

    @Test
    void aWorkerOfTheFirstProtocolVersionIsRefused() {
        byte[] firstVersion = Handshake.encode(secret, 1);
        System.arraycopy("xdist-h1".getBytes(StandardCharsets.US_ASCII), 0, firstVersion, 0, 8);

        assertThat(Handshake.launch(firstVersion, secret)).isEmpty();
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[Handshake.SECRET_LENGTH];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
