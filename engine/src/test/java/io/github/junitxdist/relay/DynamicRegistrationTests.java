package io.github.junitxdist.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.protocol.Message;
import io.github.junitxdist.protocol.Message.DynamicTestRegistered;
import io.github.junitxdist.protocol.MessageCodec;
import io.github.junitxdist.protocol.Source;
import io.github.junitxdist.protocol.Throwables;
import io.github.junitxdist.worker.EventForwarder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.PackageSource;
import org.junit.platform.engine.support.descriptor.UriSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * A dynamic test registered in a worker reaches the parent's tree as the worker had it: its id, parent, display name,
 * legacy reporting name, type, tags and source, after {@link EventForwarder}, {@link MessageCodec} and
 * {@link RemoteDescriptor}. The Platform's own sources travel field by field; only another kind is Java-serialized.
 */
class DynamicRegistrationTests {

    private static final UniqueId ENGINE = UniqueId.forEngine("xdist");
    private static final UniqueId CLASS = ENGINE.append("class", "x.ValuesTest");

    static Stream<Arguments> platformSources() throws IOException {
        Path file = Files.createTempFile("xdist-source", ".txt");
        Path directory = Files.createTempDirectory("xdist-source");
        file.toFile().deleteOnExit();
        directory.toFile().deleteOnExit();
        return Stream.of(
                Arguments.of("parameterized method", method("java.lang.String, int")),
                Arguments.of("method without parameters", method("")),
                Arguments.of("class", ClassSource.from("x.ValuesTest")),
                Arguments.of("class: URI with line", ClassSource.from(URI.create("class:x.ValuesTest?line=12"))),
                Arguments.of(
                        "class: URI with line and column",
                        ClassSource.from(URI.create("class:x.ValuesTest?line=12&column=4"))),
                Arguments.of(
                        "classpath: URI with line",
                        ClasspathResourceSource.from(URI.create("classpath:/fixtures/resource.txt?line=3"))),
                Arguments.of("classpath resource", ClasspathResourceSource.from("fixtures/resource.txt")),
                Arguments.of(
                        "file: URI with line and column",
                        UriSource.from(URI.create(file.toUri() + "?line=2&column=5"))),
                Arguments.of("file: URI with line", UriSource.from(URI.create(file.toUri() + "?line=2"))),
                Arguments.of("file", FileSource.from(file.toFile())),
                Arguments.of("directory: URI", UriSource.from(directory.toUri())),
                Arguments.of("other URI", UriSource.from(URI.create("https://example.org/spec?line=1#part"))),
                Arguments.of(
                        "missing file URI",
                        UriSource.from(directory.resolve("gone.txt").toUri())),
                Arguments.of("package", PackageSource.from("x.values")),
                Arguments.of(
                        "composite",
                        CompositeTestSource.from(List.of(
                                ClassSource.from("x.ValuesTest", FilePosition.from(7)),
                                method("int"),
                                CompositeTestSource.from(
                                        List.of(PackageSource.from("x"), DirectorySource.from(directory.toFile())))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("platformSources")
    void aPlatformSourceArrivesEqualWithoutJavaSerialization(String kind, TestSource source) throws IOException {
        TestIdentifier worker = dynamic(TestDescriptor.Type.TEST, Set.of(), source);

        DynamicTestRegistered sent = forwarded(worker);
        TestIdentifier parent = registered(sent);

        assertThat(serializedParts(sent.source())).as("Java-serialized parts").isEmpty();
        assertSameIdentifier(parent, worker);
        assertThat(parent.getSource()).get().hasSameClassAs(source);
    }

    @Test
    void aSourceOfAnotherKindTravelsJavaSerializedAndArrivesEqual() throws IOException {
        var own = new OwnSource("spreadsheet.ods", 3);
        TestIdentifier worker =
                dynamic(TestDescriptor.Type.TEST, Set.of(), CompositeTestSource.from(List.of(own, method("int"))));

        DynamicTestRegistered sent = forwarded(worker);
        TestIdentifier parent = registered(sent);

        assertThat(serializedParts(sent.source()))
                .singleElement()
                .satisfies(part -> assertThat(part.className()).isEqualTo(OwnSource.class.getName()));
        assertSameIdentifier(parent, worker);
    }

    @Test
    void aDynamicTestWithoutSourceArrivesWithout() throws IOException {
        TestIdentifier worker = dynamic(TestDescriptor.Type.TEST, Set.of(), null);

        TestIdentifier parent = registered(forwarded(worker));

        assertSameIdentifier(parent, worker);
        assertThat(parent.getSource()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDescriptor.Type.class)
    void eachTypeAndTheTagsArriveAsTheWorkerHadThem(TestDescriptor.Type type) throws IOException {
        Set<TestTag> tags = new LinkedHashSet<>(List.of(TestTag.create("slow"), TestTag.create("db-2")));
        TestIdentifier worker = dynamic(type, tags, method("java.lang.String"));

        TestIdentifier parent = registered(forwarded(worker));

        assertSameIdentifier(parent, worker);
        assertThat(parent.getType()).isEqualTo(type);
        assertThat(parent.getTags()).containsExactlyElementsOf(tags);
    }

    @Test
    void aSourceThatCannotBeReadBackLeavesTheRestAndFailsTheNodeSayingWhy() throws IOException {
        Set<TestTag> tags = Set.of(TestTag.create("slow"));
        TestIdentifier worker = dynamic(TestDescriptor.Type.CONTAINER, tags, new UnserializableSource());

        DynamicTestRegistered sent = forwarded(worker);
        RemoteDescriptor parent = register(sent);

        assertThat(parent.getSource()).isEmpty();
        assertThat(parent.getType()).isEqualTo(TestDescriptor.Type.CONTAINER);
        assertThat(parent.getTags()).isEqualTo(tags);
        assertThat(parent.getDisplayName()).isEqualTo(worker.getDisplayName());
        assertThat(parent.unreadable())
                .hasMessageStartingWith(
                        "junit-xdist could not read back this dynamic test's descriptor from the worker")
                .hasMessageContaining(UnserializableSource.class.getName());
    }

    private static void assertSameIdentifier(TestIdentifier parent, TestIdentifier worker) {
        assertThat(parent.getUniqueIdObject()).isEqualTo(worker.getUniqueIdObject());
        assertThat(parent.getUniqueId()).isEqualTo(worker.getUniqueId());
        assertThat(parent.getParentIdObject()).isEqualTo(worker.getParentIdObject());
        assertThat(parent.getDisplayName()).isEqualTo(worker.getDisplayName());
        assertThat(parent.getLegacyReportingName()).isEqualTo(worker.getLegacyReportingName());
        assertThat(parent.getType()).isEqualTo(worker.getType());
        assertThat(parent.getTags()).isEqualTo(worker.getTags());
        assertThat(parent.getSource()).isEqualTo(worker.getSource());
    }

    private static org.junit.platform.engine.support.descriptor.MethodSource method(String parameterTypes) {
        return org.junit.platform.engine.support.descriptor.MethodSource.from(
                "x.ValuesTest", "accepts", parameterTypes);
    }

    /** The worker's identifier of a parameterized invocation below the test class, with the given parts. */
    private static TestIdentifier dynamic(TestDescriptor.Type type, Set<TestTag> tags, @Nullable TestSource source) {
        var root = new EngineDescriptor(ENGINE, "xdist");
        var testClass = new Node(CLASS, "ValuesTest", "ValuesTest", TestDescriptor.Type.CONTAINER, Set.of(), null);
        var invocation = new Node(
                CLASS.append("test-template-invocation", "#3"),
                "[3] value=abc",
                "accepts(String)[3]",
                type,
                tags,
                source);
        root.addChild(testClass);
        testClass.addChild(invocation);
        return TestIdentifier.from(invocation);
    }

    private static DynamicTestRegistered forwarded(TestIdentifier identifier) throws IOException {
        List<Message> sent = new ArrayList<>();
        new EventForwarder(sent::add, Throwables::capture).dynamicTestRegistered(identifier);
        assertThat(sent).singleElement().isInstanceOf(DynamicTestRegistered.class);
        var bytes = new ByteArrayOutputStream();
        MessageCodec.write(new DataOutputStream(bytes), sent.get(0));
        return (DynamicTestRegistered)
                MessageCodec.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static TestIdentifier registered(DynamicTestRegistered message) {
        return TestIdentifier.from(register(message));
    }

    /** Registers the message in a parent's tree that holds the engine root and the test class. */
    private static RemoteDescriptor register(DynamicTestRegistered message) {
        var root = new EngineDescriptor(ENGINE, "xdist");
        var testClass = new Node(CLASS, "ValuesTest", "ValuesTest", TestDescriptor.Type.CONTAINER, Set.of(), null);
        root.addChild(testClass);
        Map<String, TestDescriptor> index = new HashMap<>();
        List.of(root, testClass).forEach(d -> index.put(d.getUniqueId().toString(), d));
        RemoteDescriptor registered = RemoteDescriptor.register(message, index).orElseThrow();
        assertThat(registered.getParent()).contains(testClass);
        assertThat(index).containsEntry(message.uniqueId(), registered);
        return registered;
    }

    private static List<Source.Serialized> serializedParts(@Nullable Source source) {
        List<Source.Serialized> parts = new ArrayList<>();
        if (source instanceof Source.Serialized serialized) {
            parts.add(serialized);
        } else if (source instanceof Source.Composite composite) {
            composite.sources().forEach(part -> parts.addAll(serializedParts(part)));
        }
        return parts;
    }

    /** A test source of a user's own, as an engine other than Jupiter might give. */
    static final class OwnSource implements TestSource {
        private static final long serialVersionUID = 1L;

        private final String sheet;
        private final int row;

        OwnSource(String sheet, int row) {
            this.sheet = sheet;
            this.row = row;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OwnSource own && own.sheet.equals(sheet) && own.row == row;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sheet, row);
        }
    }

    /** A test source that cannot be serialized: its field is not serializable. */
    static final class UnserializableSource implements TestSource {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings({"serial", "unused"})
        private final Object notSerializable = new Object();
    }

    private static final class Node extends AbstractTestDescriptor {

        private final String legacyReportingName;
        private final Type type;
        private final Set<TestTag> tags;

        Node(
                UniqueId id,
                String displayName,
                String legacyReportingName,
                Type type,
                Set<TestTag> tags,
                @Nullable TestSource source) {
            super(id, displayName, source);
            this.legacyReportingName = legacyReportingName;
            this.type = type;
            this.tags = tags;
        }

        @Override
        public String getLegacyReportingName() {
            return legacyReportingName;
        }

        @Override
        public Type getType() {
            return type;
        }

        @Override
        public Set<TestTag> getTags() {
            return tags;
        }
    }
}
