package io.github.junitxdist.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The tests of one run and which of them failed, read from the JUnit-style XML reports it wrote (the
 * ConsoleLauncher's {@code --reports-dir}, Surefire's {@code target/surefire-reports}). A test is named
 * {@code class#name}, its name without a trailing {@code ()}, so that the ConsoleLauncher's and Surefire's reports of
 * the same test agree.
 *
 * @param tests the test cases reported
 * @param failed the names of those that failed or had an error
 */
record TestOutcomes(int tests, Set<String> failed) {

    TestOutcomes {
        failed = Set.copyOf(failed);
    }

    /** Reads every {@code TEST-*.xml} in {@code directory}; none gives zero tests. */
    static TestOutcomes read(Path directory) throws IOException {
        int tests = 0;
        Set<String> failed = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return new TestOutcomes(0, failed);
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(directory)) {
            files = list.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted()
                    .toList();
        }
        for (Path file : files) {
            tests += read(file, failed);
        }
        return new TestOutcomes(tests, failed);
    }

    /** The failed tests of this run that did not fail in {@code baseline}. */
    Set<String> newFailures(TestOutcomes baseline) {
        Set<String> fresh = new TreeSet<>(failed);
        fresh.removeAll(baseline.failed());
        return fresh;
    }

    private static int read(Path file, Set<String> failed) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        int tests = 0;
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            String current = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                switch (reader.getLocalName()) {
                    case "testcase" -> {
                        tests++;
                        String name = reader.getAttributeValue(null, "name");
                        current = reader.getAttributeValue(null, "classname") + "#"
                                + (name != null && name.endsWith("()") ? name.substring(0, name.length() - 2) : name);
                    }
                    case "failure", "error" -> {
                        if (current != null) {
                            failed.add(current);
                        }
                    }
                    default -> {
                        // properties, system-out, skipped: not outcomes that count here
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new IOException("Cannot read the test report " + file + ": " + e.getMessage(), e);
        }
        return tests;
    }
}
