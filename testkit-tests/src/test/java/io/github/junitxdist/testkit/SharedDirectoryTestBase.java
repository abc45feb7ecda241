package io.github.junitxdist.testkit;

import io.github.junitxdist.testkit.fixtures.scheduling.Timeline;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs xdist on fixtures that share a directory across workers (for {@link Timeline} and rendezvous markers), with a
 * duration history of the test's own, so that earlier runs do not reorder the units.
 */
abstract class SharedDirectoryTestBase {

    @TempDir
    Path shared;

    @BeforeEach
    void shareDirectory() {
        System.setProperty(Timeline.DIRECTORY_PROPERTY, shared.toString());
    }

    @AfterEach
    void clearProperties() {
        System.clearProperty(Timeline.DIRECTORY_PROPERTY);
    }

    EngineExecutionResults run(String mode, int workers, DiscoverySelector... selectors) {
        return EngineTestKit.engine("xdist")
                .selectors(selectors)
                .configurationParameter(
                        "xdist.durations.file", shared.resolve("durations").toString())
                .configurationParameter("xdist.workers", Integer.toString(workers))
                .configurationParameter("xdist.dist", mode)
                .execute();
    }
}
