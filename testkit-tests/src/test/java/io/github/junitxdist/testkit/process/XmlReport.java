package io.github.junitxdist.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The {@code TEST-*.xml} files of one run in the JUnit "legacy" XML format that both the ConsoleLauncher's
 * {@code --reports-dir} and Maven Surefire write.
 *
 * @param testsAttributeSum the sum of the {@code tests} attributes of all test suites
 * @param testCases every {@code <testcase>} of every file
 */
record XmlReport(int testsAttributeSum, List<TestCase> testCases) {

    /**
     * One {@code <testcase>}.
     *
     * @param className the {@code classname} attribute
     * @param name the {@code name} attribute, e.g. {@code first()} or {@code first}
     * @param systemOut the text of all {@code <system-out>} elements, empty when absent
     * @param systemErr the text of all {@code <system-err>} elements, empty when absent
     * @param outcome {@code passed}, {@code failure}, {@code error} or {@code skipped}
     */
    record TestCase(String className, String name, String systemOut, String systemErr, String outcome) {

        /** {@code <class name>#<method name>}, the same key as {@link ExpectedTests}. */
        String key() {
            int parameters = name.indexOf('(');
            return className + "#" + (parameters < 0 ? name : name.substring(0, parameters));
        }
    }

    /** Reads every {@code TEST-*.xml} in {@code dir}. */
    static XmlReport read(Path dir) {
        int tests = 0;
        List<TestCase> testCases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(XmlReport::isReport).sorted().toList()) {
                Document document = DocumentBuilderFactory.newInstance()
                        .newDocumentBuilder()
                        .parse(file.toFile());
                NodeList suites = document.getElementsByTagName("testsuite");
                for (int i = 0; i < suites.getLength(); i++) {
                    tests += Integer.parseInt(((Element) suites.item(i)).getAttribute("tests"));
                }
                NodeList cases = document.getElementsByTagName("testcase");
                for (int i = 0; i < cases.getLength(); i++) {
                    testCases.add(testCase((Element) cases.item(i)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("Unreadable report in " + dir, e);
        }
        return new XmlReport(tests, testCases);
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("TEST-") && name.endsWith(".xml");
    }

    private static TestCase testCase(Element element) {
        String outcome = "passed";
        for (String candidate : List.of("failure", "error", "skipped")) {
            if (element.getElementsByTagName(candidate).getLength() > 0) {
                outcome = candidate;
            }
        }
        return new TestCase(
                element.getAttribute("classname"),
                element.getAttribute("name"),
                childText(element, "system-out"),
                childText(element, "system-err"),
                outcome);
    }

    /** The ConsoleLauncher writes several {@code <system-out>} elements per test case (ids, report entries, output). */
    private static String childText(Element element, String tag) {
        StringBuilder text = new StringBuilder();
        NodeList children = element.getElementsByTagName(tag);
        for (int i = 0; i < children.getLength(); i++) {
            text.append(children.item(i).getTextContent());
        }
        return text.toString();
    }
}
