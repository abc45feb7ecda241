package io.github.junitxdist.examples.backend.runcheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The test cases of one Surefire run, read from the {@code TEST-*.xml} files of its reports directory. */
record SurefireReport(Path directory, List<TestCase> testCases) {

    /**
     * One {@code <testcase>}.
     *
     * @param className its {@code classname} attribute
     * @param name its {@code name} attribute
     * @param records the {@link RunRecord} lines in its {@code <system-out>}
     */
    record TestCase(String className, String name, List<RunRecord> records) {

        String id() {
            return className + "#" + name;
        }
    }

    /** Reads every {@code TEST-*.xml} in {@code directory}; fails when there is none. */
    static SurefireReport read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no Surefire reports directory " + directory
                    + ": this check reads the reports of the test phase, run it with `mvn verify`");
        }
        List<TestCase> testCases = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(SurefireReport::isTestReport).sorted().toList()) {
                testCases.addAll(testCases(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (testCases.isEmpty()) {
            throw new IllegalStateException("no test cases in the Surefire reports in " + directory);
        }
        return new SurefireReport(directory, List.copyOf(testCases));
    }

    private static boolean isTestReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static List<TestCase> testCases(Path file) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList nodes = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("testcase");
            List<TestCase> testCases = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element testCase = (Element) nodes.item(i);
                testCases.add(new TestCase(
                        testCase.getAttribute("classname"),
                        testCase.getAttribute("name"),
                        RunRecord.parseAll(systemOut(testCase))));
            }
            return testCases;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("unreadable Surefire report " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String systemOut(Element testCase) {
        StringBuilder out = new StringBuilder();
        NodeList children = testCase.getElementsByTagName("system-out");
        for (int i = 0; i < children.getLength(); i++) {
            out.append(children.item(i).getTextContent()).append('\n');
        }
        return out.toString();
    }
}
