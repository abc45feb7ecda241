package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import io.github.junitxdist.testkit.fixtures.selection.AlphaSelectionFixture;
import io.github.junitxdist.testkit.fixtures.selection.BetaSelectionFixture;
import io.github.junitxdist.testkit.fixtures.selection.TemplateSelectionFixture;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Proves that {@code xdist} on two workers runs exactly what plain Jupiter runs for the same selectors and filters:
 * the same nodes start, are skipped and finish, with the same statuses, down to a single invocation.
 */
class SelectionTests {

    private static final String PACKAGE = AlphaSelectionFixture.class.getPackageName();
    private static final String ALPHA = AlphaSelectionFixture.class.getName();
    private static final String BETA = BetaSelectionFixture.class.getName();
    private static final String TEMPLATE = TemplateSelectionFixture.class.getName();

    /** A discovery request for one engine: unique-id selectors name the engine they are meant for. */
    record Request(List<DiscoverySelector> selectors, List<Filter<?>> filters) {

        static Request of(DiscoverySelector... selectors) {
            return new Request(List.of(selectors), List.of());
        }

        Request filteredBy(Filter<?>... moreFilters) {
            return new Request(selectors, List.of(moreFilters));
        }
    }

    static Stream<Arguments> requests() {
        return Stream.of(
                selection("class", 10, engine -> Request.of(selectClass(AlphaSelectionFixture.class))),
                selection("method", 1, engine -> Request.of(selectMethod(AlphaSelectionFixture.class, "fastTest"))),
                selection(
                        "parameterized method",
                        4,
                        engine -> Request.of(
                                selectMethod(AlphaSelectionFixture.class, "parameterized", "java.lang.String"))),
                selection(
                        "method in a class template",
                        3,
                        engine -> Request.of(selectMethod(TemplateSelectionFixture.class, "second"))),
                selection(
                        "nested class",
                        3,
                        engine -> Request.of(selectNestedClass(
                                List.of(AlphaSelectionFixture.class), AlphaSelectionFixture.Inner.class))),
                selection(
                        "doubly nested method",
                        1,
                        engine -> Request.of(selectNestedMethod(
                                List.of(AlphaSelectionFixture.class, AlphaSelectionFixture.Inner.class),
                                AlphaSelectionFixture.Inner.Deeper.class,
                                "deeperSlow"))),
                selection(
                        "two classes",
                        13,
                        engine -> Request.of(
                                selectClass(AlphaSelectionFixture.class), selectClass(BetaSelectionFixture.class))),
                selection("package", 19, engine -> Request.of(selectPackage(PACKAGE))),
                selection(
                        "classpath root with a class-name filter",
                        19,
                        engine -> Request.of(selectClasspathRoots(Set.of(testClassesRoot()))
                                        .toArray(DiscoverySelector[]::new))
                                .filteredBy(includeClassNamePatterns("\\Q" + PACKAGE + ".\\E.*"))),
                selection(
                        "unique id of a class",
                        3,
                        engine -> Request.of(selectUniqueId("[engine:" + engine + "]/[class:" + BETA + "]"))),
                selection(
                        "unique id of a method",
                        1,
                        engine -> Request.of(selectUniqueId(
                                "[engine:" + engine + "]/[class:" + BETA + "]/[method:betaFastFails()]"))),
                selection(
                        "unique id of a nested method",
                        1,
                        engine -> Request.of(selectUniqueId("[engine:" + engine + "]/[class:" + ALPHA
                                + "]/[nested-class:Inner]/[method:innerFast()]"))),
                selection(
                        "iteration of a parameterized test",
                        1,
                        engine -> Request.of(selectIteration(
                                selectMethod(AlphaSelectionFixture.class, "parameterized", "java.lang.String"), 2))),
                selection(
                        "unique id of a parameterized test invocation",
                        1,
                        engine -> Request.of(selectUniqueId("[engine:" + engine + "]/[class:" + ALPHA + "]"
                                + "/[test-template:parameterized(java.lang.String)]/[test-template-invocation:#3]"))),
                selection(
                        "iteration of a class template",
                        2,
                        engine -> Request.of(selectIteration(selectClass(TemplateSelectionFixture.class), 1))),
                selection(
                        "unique id of a class template invocation",
                        2,
                        engine -> Request.of(selectUniqueId("[engine:" + engine + "]/[class-template:" + TEMPLATE
                                + "]/[class-template-invocation:#2]"))),
                selection(
                        "unique id of a method in a class template invocation",
                        1,
                        engine -> Request.of(selectUniqueId("[engine:" + engine + "]/[class-template:" + TEMPLATE + "]"
                                + "/[class-template-invocation:#2]/[method:second()]"))),
                selection(
                        "include tag",
                        10,
                        engine -> Request.of(selectPackage(PACKAGE)).filteredBy(TagFilter.includeTags("fast"))),
                selection(
                        "exclude tag",
                        16,
                        engine -> Request.of(selectPackage(PACKAGE)).filteredBy(TagFilter.excludeTags("slow"))),
                selection(
                        "tag expression",
                        4,
                        engine ->
                                Request.of(selectPackage(PACKAGE)).filteredBy(TagFilter.includeTags("alpha & !fast"))),
                selection(
                        "exclude class name",
                        16,
                        engine -> Request.of(selectPackage(PACKAGE)).filteredBy(excludeClassNamePatterns(".*Beta.*"))),
                selection(
                        "method filtered away by its tag",
                        0,
                        engine -> Request.of(selectMethod(AlphaSelectionFixture.class, "slowTest"))
                                .filteredBy(TagFilter.excludeTags("slow"))));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void runsExactlyWhatJupiterRuns(Function<String, Request> requestFor, int expectedTests) {
        EventSnapshot jupiter =
                EventSnapshot.of(kit("junit-jupiter", requestFor).execute());
        EventSnapshot xdist = EventSnapshot.of(kit("xdist", requestFor)
                .configurationParameter("xdist.workers", "2")
                .execute());

        assertThat(jupiter.finishedTests())
                .as("tests Jupiter runs for this request")
                .hasSize(expectedTests);
        assertThat(xdist.finishedTests())
                .as(() -> "tests and statuses; unsuccessful xdist events: " + unsuccessful(xdist))
                .isEqualTo(jupiter.finishedTests());
        assertThat(xdist.outcomes())
                .as("registered, skipped, started and finished nodes with statuses")
                .containsExactlyInAnyOrderElementsOf(jupiter.outcomes());
    }

    private static List<String> unsuccessful(EventSnapshot run) {
        return run.lines().stream()
                .filter(line -> line.startsWith("FINISHED") && !line.contains("status=SUCCESSFUL"))
                .toList();
    }

    private static Arguments selection(String name, int expectedTests, Function<String, Request> requestFor) {
        return argumentSet(name, requestFor, expectedTests);
    }

    private static EngineTestKit.Builder kit(String engineId, Function<String, Request> requestFor) {
        Request request = requestFor.apply(engineId);
        return EngineTestKit.engine(engineId)
                .selectors(request.selectors().toArray(DiscoverySelector[]::new))
                .filters(request.filters().toArray(Filter<?>[]::new));
    }

    private static Path testClassesRoot() {
        try {
            return Path.of(AlphaSelectionFixture.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
