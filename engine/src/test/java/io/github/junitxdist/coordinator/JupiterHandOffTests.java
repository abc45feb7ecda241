package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.github.junitxdist.config.MapParameters;
import io.github.junitxdist.config.XdistConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;

/**
 * Which runs under {@code xdist.workers=auto} are left to the Jupiter engine before anything is discovered: one
 * selected class, and a selection the history knows to be too short for workers; everything else is discovered.
 */
class JupiterHandOffTests {

    private static final String HEADER = "# junit-xdist unit durations v1: milliseconds<TAB>unit unique id\n";

    @TempDir
    Path directory;

    @Test
    void oneSelectedTestMethodIsLeftToJupiter() {
        assertThat(decide(Map.of(), selectMethod("a.BTests#adds")))
                .hasValue("junit-xdist: 1 class selected, running it in this JVM");
    }

    @Test
    void anExplicitWorkerCountOrMaxfailIsNeverLeftToJupiter() {
        assertThat(decide(Map.of("xdist.workers", "2"), selectClass("a.BTests")))
                .isEmpty();
        assertThat(decide(Map.of("xdist.maxfail", "1"), selectClass("a.BTests")))
                .isEmpty();
    }

    @Test
    void classesTheHistoryKnowsToBeShortAreLeftToJupiterAndUnknownOnesAreDiscovered() throws Exception {
        history("20\t[engine:xdist]/[class:a.BTests]\n30\t[engine:xdist]/[class:a.CTests]\n800\tworker start\n");

        assertThat(decide(Map.of(), selectClass("a.BTests"), selectClass("a.CTests")))
                .hasValue("junit-xdist: 2 classes expected to take 0.1 s, less than starting workers would cost"
                        + " (0.8 s each), running them in this JVM");
        assertThat(decide(Map.of(), selectClass("a.BTests"), selectClass("a.NewTests")))
                .as("a class the history does not know")
                .isEmpty();
        assertThat(decide(Map.of(), selectPackage("a")))
                .as("a scan, by all the history knows")
                .isPresent();
    }

    @Test
    void aHistoryThatSaysTheWorkIsLongLeavesTheDecisionToDiscovery() throws Exception {
        history("60000\t[engine:xdist]/[class:a.BTests]\n60000\t[engine:xdist]/[class:a.CTests]\n");

        assertThat(decide(Map.of(), selectPackage("a"))).isEmpty();
    }

    @Test
    void aForkedRunThatTookFarLongerThanPredictedKeepsTinySuitesInThisJvm() throws Exception {
        String classes =
                "1500\t[engine:xdist]/[class:a.BTests]\n1500\t[engine:xdist]/[class:a.CTests]\n900\tworker start\n";
        history(classes);
        assertThat(decide(Map.of(), selectPackage("a")))
                .as("0.9 + 1.5 s on 2 workers, 3 s here")
                .isEmpty();

        history(classes + "2000\tforked run actual per predicted, thousandths\n");
        assertThat(decide(Map.of(), selectPackage("a")))
                .as("2 x (0.9 + 1.5) s on 2 workers")
                .isPresent();
        assertThat(decide(Map.of("xdist.dist", "load"), selectPackage("a")))
                .as("units are not classes under load")
                .isEmpty();
    }

    private void history(String lines) throws Exception {
        Files.writeString(directory.resolve("durations"), HEADER + lines);
    }

    private Optional<String> decide(Map<String, String> parameters, DiscoverySelector... selectors) {
        Map<String, String> all = new HashMap<>(parameters);
        all.put("xdist.durations.file", directory.resolve("durations").toString());
        all.putIfAbsent("xdist.workers", "auto");
        return JupiterHandOff.decide(List.of(selectors), XdistConfiguration.from(new MapParameters(all), Map.of()));
    }
}
