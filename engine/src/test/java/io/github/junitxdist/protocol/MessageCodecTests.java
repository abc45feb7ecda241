package io.github.junitxdist.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.Message.FileEntry;
import io.github.junitxdist.protocol.Message.Finished;
import io.github.junitxdist.protocol.Message.Init;
import io.github.junitxdist.protocol.Message.Output;
import io.github.junitxdist.protocol.Message.ReportEntry;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.protocol.Message.Shutdown;
import io.github.junitxdist.protocol.Message.Skipped;
import io.github.junitxdist.protocol.Message.Started;
import io.github.junitxdist.protocol.Message.UnitDone;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StreamCorruptedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;

/** Every message survives a write and a read; a corrupt frame is refused, not trusted. */
class MessageCodecTests {

    @Test
    void everyMessageTypeRoundTrips() throws IOException {
        var failure = Throwables.capture(new IllegalStateException("boom", new RuntimeException("cause")));
        List<Message> messages = List.of(
                new Init(Map.of("a", "b"), Map.of("c", "d")),
                new RunUnit(7, List.of("class:x.Y"), Set.of("[engine:xdist]/[class:x.Y]")),
                new Shutdown(),
                new DynamicTestRegistered(
                        "parent/[dynamic-test:#1]",
                        "parent",
                        "name",
                        "legacy",
                        TestDescriptor.Type.CONTAINER_AND_TEST,
                        List.of("fast", "db"),
                        new Source.Composite(List.of(
                                new Source.OfMethod("x.Y", "m", "int, java.lang.String"),
                                new Source.OfClass("x.Y", new Source.Position(3, 0)),
                                new Source.OfClasspathResource("a/b.txt", null),
                                new Source.OfFile("/tmp/f.txt", new Source.Position(2, 7)),
                                new Source.OfDirectory("/tmp"),
                                new Source.OfPackage("x"),
                                new Source.OfUri("https://example.org/x"),
                                new Source.Serialized("x.Own", new byte[] {1, 2, 3})))),
                new DynamicTestRegistered(
                        "elsewhere", "parent", "name", "name", TestDescriptor.Type.TEST, List.of(), null),
                new Started("id"),
                new Skipped("id", "why"),
                new Finished("id", Message.Status.FAILED, failure),
                new Finished("id", Message.Status.SUCCESSFUL, null),
                new ReportEntry("id", Map.of("k", "v")),
                new FileEntry("id", "/tmp/file.txt", null),
                new Output(true, "héllo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new UnitDone(7, failure));

        for (Message message : messages) {
            Message read = roundTrip(message);
            assertThat(read)
                    .usingRecursiveComparison()
                    .ignoringFields("throwable.local", "engineFailure.local")
                    .isEqualTo(message);
        }
    }

    /**
     * Every message type there is, found through the sealed hierarchy, has a sample here and survives a write and a
     * read in its direction: a new message fails this test until the codec knows it.
     */
    @Test
    void everyPermittedMessageTypeHasATagAndRoundTrips() throws IOException {
        var failure = Throwables.capture(new IllegalStateException("boom"));
        List<Message> samples = List.of(
                new Init(Map.of("a", "b"), Map.of()),
                new RunUnit(1, List.of("class:x.Y"), Set.of("id")),
                new Shutdown(),
                new Message.Cancel(),
                new Message.Verdict(true),
                new Message.DumpThreads(),
                new DynamicTestRegistered(
                        "id", "parent", "name", "name", TestDescriptor.Type.TEST, List.of(), new Source.OfPackage("x")),
                new Started("id"),
                new Skipped("id", "why"),
                new Finished("id", Message.Status.ABORTED, failure),
                new ReportEntry("id", Map.of("k", "v")),
                new FileEntry("id", "/f", "text/plain"),
                new Output(false, new byte[] {65}),
                new UnitDone(1, null),
                new Message.ThreadDump("threads"),
                new Message.Exiting());

        List<Class<?>> leaves = new ArrayList<>();
        Deque<Class<?>> open = new ArrayDeque<>(List.of(Message.class));
        while (!open.isEmpty()) {
            Class<?> type = open.pop();
            if (type.isSealed()) {
                open.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                leaves.add(type);
            }
        }
        assertThat(samples).extracting(Object::getClass).containsExactlyInAnyOrderElementsOf(leaves);
        for (Message message : samples) {
            Message read = roundTrip(message);
            assertThat(read)
                    .usingRecursiveComparison()
                    .ignoringFields("throwable.local")
                    .isEqualTo(message);
            assertThat(read instanceof Message.ToWorker).isEqualTo(message instanceof Message.ToWorker);
        }
        assertThat(MessageCodec.Tag.values()).hasSameSizeAs(leaves);
    }

    @Test
    void refusesAnUnknownTagAndAnImpossibleLength() {
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(new byte[] {99}))))
                .isInstanceOf(StreamCorruptedException.class);
        byte[] hugeString = {6, (byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(hugeString))))
                .isInstanceOf(StreamCorruptedException.class);
    }

    @Test
    void refusesALengthOverTheLimitBeforeAllocatingAnything() {
        // A started event whose id announces 256 MiB: refused from the five bytes alone, naming length and limit.
        byte[] announced = {6, 0x10, 0, 0, 0};
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(announced))))
                .isInstanceOf(StreamCorruptedException.class)
                .hasMessageContaining("268435456 bytes")
                .hasMessageContaining("the limit is " + Fields.MAX_BYTES + " bytes");
        byte[] manyIds = {3, 0, 0, 0, 7, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(manyIds))))
                .isInstanceOf(StreamCorruptedException.class)
                .hasMessageContaining(Integer.MAX_VALUE + " elements")
                .hasMessageContaining("the limit is " + Fields.MAX_ELEMENTS + " elements");
    }

    @Test
    void refusesADynamicRegistrationWithAnUnknownTypeOrSourceKind() throws IOException {
        var registration = new DynamicTestRegistered(
                "p/[dynamic-test:#1]", "p", "n", "n", TestDescriptor.Type.TEST, List.of(), new Source.OfPackage("x"));
        var bytes = new ByteArrayOutputStream();
        MessageCodec.write(new DataOutputStream(bytes), registration);
        byte[] frame = bytes.toByteArray();
        // tag, parent id (4 + 1), relative flag, segment (4 + 17), display name (4 + 1), legacy name (4): then the type
        int type = 1 + 5 + 1 + 21 + 5 + 4;
        assertThat(frame[type]).isEqualTo((byte) 1);
        int sourceKind = type + 1 + 4;
        assertThat(frame[sourceKind]).isEqualTo((byte) 6);

        byte[] badType = frame.clone();
        badType[type] = 9;
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(badType))))
                .isInstanceOf(StreamCorruptedException.class)
                .hasMessage("Unknown junit-xdist node type 9");
        byte[] badKind = frame.clone();
        badKind[sourceKind] = 99;
        assertThatThrownBy(() -> MessageCodec.read(new DataInputStream(new ByteArrayInputStream(badKind))))
                .isInstanceOf(StreamCorruptedException.class)
                .hasMessage("Unknown junit-xdist test source kind 99");
    }

    private static Message roundTrip(Message message) throws IOException {
        var bytes = new ByteArrayOutputStream();
        MessageCodec.write(new DataOutputStream(bytes), message);
        return MessageCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }
}
