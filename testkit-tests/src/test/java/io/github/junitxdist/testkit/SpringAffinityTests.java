package io.github.junitxdist.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.junitxdist.testkit.fixtures.identity.Rendezvous;
import io.github.junitxdist.testkit.fixtures.spring.ContextLog;
import io.github.junitxdist.testkit.fixtures.spring.SpringAlpha1Fixture;
import io.github.junitxdist.testkit.fixtures.spring.SpringAlpha2Fixture;
import io.github.junitxdist.testkit.fixtures.spring.SpringAlpha3Fixture;
import io.github.junitxdist.testkit.fixtures.spring.SpringBeta1Fixture;
import io.github.junitxdist.testkit.fixtures.spring.SpringBeta2Fixture;
import io.github.junitxdist.testkit.fixtures.spring.SpringBeta3Fixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Spring's test-context cache is per JVM, so every worker builds each context it meets. With the classes of two
 * contexts on two workers (which meet at their first class, so both choose while busy), junit-xdist starts the second
 * worker on the other context and gives each worker the classes of the context it has built: at most one context more
 * than plain Jupiter builds (a worker takes a class of the other's context rather than wait once its own are gone).
 * Handing classes out in their plain order would start both workers on the same context. Counted from the contexts'
 * own log of their creation.
 */
class SpringAffinityTests {

    private static final DiscoverySelector[] CLASSES = Stream.of(
                    SpringAlpha1Fixture.class,
                    SpringAlpha2Fixture.class,
                    SpringAlpha3Fixture.class,
                    SpringBeta1Fixture.class,
                    SpringBeta2Fixture.class,
                    SpringBeta3Fixture.class)
            .map(type -> selectClass(type))
            .toArray(DiscoverySelector[]::new);

    @TempDir
    Path directory;

    @AfterEach
    void clearProperty() {
        System.clearProperty(ContextLog.PROPERTY);
        System.clearProperty(Rendezvous.DIRECTORY_PROPERTY);
    }

    @Test
    void twoWorkersBuildAtMostOneContextMoreThanPlainJupiter() throws Exception {
        List<String> plain = contextsBuilt("junit-jupiter", "plain");
        List<String> xdist = contextsBuilt("xdist", "xdist");

        assertThat(plain).as("contexts plain Jupiter built").hasSize(2);
        Map<String, String> firstByWorker = new LinkedHashMap<>();
        xdist.forEach(line -> firstByWorker.putIfAbsent(line.split(" ")[1], line.split(" ")[0]));
        assertThat(firstByWorker.values())
                .as("the first context each worker built (name by pid)")
                .containsExactlyInAnyOrder("Alpha", "Beta");
        assertThat(xdist).as("contexts built on two workers (name and pid)").hasSizeLessThanOrEqualTo(plain.size() + 1);
    }

    private List<String> contextsBuilt(String engine, String name) throws Exception {
        Path log = directory.resolve(name + ".log");
        System.setProperty(ContextLog.PROPERTY, log.toString());
        System.setProperty(
                Rendezvous.DIRECTORY_PROPERTY,
                Files.createDirectories(directory.resolve(name)).toString());
        EngineTestKit.engine(engine)
                .selectors(CLASSES)
                .configurationParameter("xdist.workers", "2")
                .configurationParameter(
                        "xdist.durations.file", directory.resolve("durations").toString())
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.succeeded(6));
        return Files.readAllLines(log);
    }
}
