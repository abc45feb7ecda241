package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.discovery.ItemTraits;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.protocol.Message.RunUnit;
import io.github.junitxdist.report.IsolationCheck;
import io.github.junitxdist.report.IsolationCheck.Verdict;
import io.github.junitxdist.report.RecordingListener;
import io.github.junitxdist.report.RunRecord;
import io.github.junitxdist.scheduling.Distribution;
import io.github.junitxdist.scheduling.WorkUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The isolation check's bisection against a fake trial that fails the victim exactly when the polluter ran before it:
 * which prefixes it tries, within the bound, and what it concludes. One worker ran A, B, P, C, then V, whose test v
 * failed.
 */
class IsolationTests {

    private static final String VICTIM = "[engine:xdist]/[class:V]/[method:v]";

    private final EngineDescriptor root = new EngineDescriptor(UniqueId.forEngine("xdist"), "xdist");
    private final List<List<String>> trials = new ArrayList<>();
    private final List<RunUnit> requests = new ArrayList<>();
    private final Map<String, TestDescriptor> tests = new HashMap<>();

    @Test
    void aTestThatPassesAloneIsBisectedDownToThePolluter() throws InterruptedException {
        IsolationCheck check = check(10, "P");

        assertThat(trials)
                .containsExactly(List.of(), List.of("A", "B", "P", "C"), List.of("A", "B"), List.of("A", "B", "P"));
        assertThat(check.verdict()).isEqualTo(Verdict.PASSES_ALONE);
        assertThat(check.polluterFound()).isTrue();
        assertThat(check.suspects()).containsExactly("[engine:xdist]/[class:P]");
        assertThat(check.runs()).isEqualTo(4);
        assertThat(check.describe())
                .isEqualTo("passes alone: depends on what ran before it on gw0; fails again after the first 3 of the 4"
                        + " units gw0 ran before it (A, B, P), so the polluter is P");
        assertThat(requests)
                .allSatisfy(request -> assertThat(request.allowedIds())
                        .as("the victim's unit narrowed to the victim")
                        .containsExactlyInAnyOrder("[engine:xdist]/[class:V]", VICTIM));
    }

    @Test
    void theBoundStopsTheBisectionAndLeavesTheSuspects() throws InterruptedException {
        IsolationCheck check = check(3, "P");

        assertThat(trials).hasSize(3);
        assertThat(check.polluterFound()).isFalse();
        assertThat(check.suspects()).containsExactly("[engine:xdist]/[class:P]", "[engine:xdist]/[class:C]");
        assertThat(check.describe()).endsWith("the polluter is one of P, C (xdist.isolate.maxRuns=3 reached)");
    }

    @Test
    void aTestThatFailsAloneNeedsOneRun() throws InterruptedException {
        IsolationCheck check = check(10, "V");

        assertThat(trials).containsExactly(List.of());
        assertThat(check.describe()).isEqualTo("fails alone too");
    }

    @Test
    void aFailureTheWholeOrderDoesNotReproduceIsSaidToBeNotReproduced() throws InterruptedException {
        IsolationCheck check = check(10, "nobody");

        assertThat(trials).containsExactly(List.of(), List.of("A", "B", "P", "C"));
        assertThat(check.failingPrefix()).isEqualTo(-1);
        assertThat(check.describe())
                .startsWith("passes alone, and after the 4 units gw0 ran before it too: not reproduced");
    }

    @Test
    void afterACancellationNothingRuns() throws InterruptedException {
        IsolationCheck check = check(10, "P", true);

        assertThat(trials).isEmpty();
        assertThat(check.describe()).isEqualTo("not checked: the run was cancelled");
    }

    private IsolationCheck check(int maxRuns, String polluter) throws InterruptedException {
        return check(maxRuns, polluter, false);
    }

    /** Runs A, B, P, C and V on gw0, v failing, and checks v with a trial that fails it after {@code polluter}. */
    private IsolationCheck check(int maxRuns, String polluter, boolean cancelled) throws InterruptedException {
        List<String> order = List.of("A", "B", "P", "C", "V");
        order.forEach(this::testClass);
        var plan = new ExecutionPlan(root, List.of(), ExecutionPlan::subtreeIds, new ItemTraits());
        List<WorkUnit> units = plan.cut(Distribution.LOADSCOPE, 1);
        Map<String, WorkUnit> byName = new HashMap<>();
        units.forEach(unit -> byName.put(unit.uniqueId().replaceAll(".*:(\\w+)]$", "$1"), unit));
        RunRecord record = new RunRecord();
        Map<String, Integer> unitOfId = new HashMap<>();
        tests.forEach((name, test) ->
                unitOfId.put(test.getUniqueId().toString(), byName.get(name).id()));
        record.begin(
                0,
                units.stream()
                        .map(unit -> RunRecord.Unit.of(unit.id(), unit.uniqueId(), false))
                        .toList(),
                unitOfId);
        for (int i = 0; i < order.size(); i++) {
            record.unitStarted(byName.get(order.get(i)).id(), "gw0", i);
        }
        new RecordingListener(new EngineExecutionListener() {}, record)
                .executionFinished(tests.get("V"), TestExecutionResult.failed(new AssertionError("polluted")));

        Isolation.Trial trial = (before, unit, alone, testId) -> {
            List<String> names = before.stream()
                    .map(earlier -> earlier.uniqueId().replaceAll(".*:(\\w+)]$", "$1"))
                    .toList();
            trials.add(names);
            requests.add(alone);
            assertThat(testId).isEqualTo(VICTIM);
            return names.contains(polluter) || polluter.equals("V") ? Isolation.Seen.FAILED : Isolation.Seen.PASSED;
        };
        List<IsolationCheck> checks = new Isolation(plan, trial, maxRuns, () -> cancelled).check(units, record);
        assertThat(checks).hasSize(1);
        return checks.get(0);
    }

    private void testClass(String name) {
        var testClass = new Node(root.getUniqueId().append("class", name), TestDescriptor.Type.CONTAINER);
        root.addChild(testClass);
        var test = new Node(
                testClass.getUniqueId().append("method", name.toLowerCase(java.util.Locale.ROOT)),
                TestDescriptor.Type.TEST);
        testClass.addChild(test);
        tests.put(name, test);
    }

    private static final class Node extends AbstractTestDescriptor {

        private final Type type;

        Node(UniqueId id, Type type) {
            super(id, id.getLastSegment().getValue());
            this.type = type;
        }

        @Override
        public Type getType() {
            return type;
        }
    }
}
