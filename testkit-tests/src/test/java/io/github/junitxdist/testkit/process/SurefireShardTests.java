package io.github.junitxdist.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.testkit.fixtures.shard.ShardGroupAFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardGroupBFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardPlainOneFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardPlainThreeFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardPlainTwoFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardReaderFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardSerialAFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardSerialBFixture;
import io.github.junitxdist.testkit.fixtures.shard.ShardWriterFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code xdist.shard} under Maven Surefire, which discovers each class on its own before it runs them all in one
 * request: two shards of nine classes together report every test once in their XML reports, and the classes that
 * must stay together do.
 */
@ExtendWith(ProcessOutputOnFailure.class)
class SurefireShardTests {

    /** Nine classes: plain ones, two serial, one group of two, and a writer and a reader of one lock key. */
    static final Class<?>[] FIXTURES = {
        ShardPlainOneFixture.class,
        ShardPlainTwoFixture.class,
        ShardPlainThreeFixture.class,
        ShardSerialAFixture.class,
        ShardSerialBFixture.class,
        ShardGroupAFixture.class,
        ShardGroupBFixture.class,
        ShardWriterFixture.class,
        ShardReaderFixture.class
    };

    @Test
    void twoShardsReportEveryTestOnceBetweenThem() {
        List<String> reported = new ArrayList<>();
        Map<String, Integer> shardOfClass = new HashMap<>();
        for (int shard = 1; shard <= 2; shard++) {
            MavenItProject project = MavenItProject.named("surefire-shard-" + shard + "-of-2")
                    .fixtures(FIXTURES)
                    .platformProperty("xdist.workers", "2")
                    .platformProperty("xdist.shard", shard + "/2");

            assertThat(project.test())
                    .as("exit code of mvn test for shard %d/2", shard)
                    .isZero();

            List<XmlReport.TestCase> cases =
                    XmlReport.read(project.surefireReports()).testCases();
            assertThat(cases).as("shard %d/2 runs some of the tests", shard).isNotEmpty();
            for (XmlReport.TestCase testCase : cases) {
                reported.add(testCase.key());
                Integer other = shardOfClass.put(testCase.className(), shard);
                assertThat(other).as(testCase.className()).isIn(null, shard);
            }
        }
        List<String> expected = ExpectedTests.of(FIXTURES).stream()
                .map(key -> key.replaceFirst("Fixture#", "Tests#"))
                .toList();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(expected);
        String pkg = ShardPlainOneFixture.class.getPackageName() + ".";
        assertThat(shardOfClass.get(pkg + "ShardSerialATests")).isEqualTo(shardOfClass.get(pkg + "ShardSerialBTests"));
        assertThat(shardOfClass.get(pkg + "ShardGroupATests")).isEqualTo(shardOfClass.get(pkg + "ShardGroupBTests"));
        assertThat(shardOfClass.get(pkg + "ShardWriterTests")).isEqualTo(shardOfClass.get(pkg + "ShardReaderTests"));
    }
}
