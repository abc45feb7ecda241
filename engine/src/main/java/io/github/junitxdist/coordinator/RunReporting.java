package io.github.junitxdist.coordinator;

import io.github.junitxdist.config.XdistConfiguration;
import io.github.junitxdist.plan.ExecutionPlan;
import io.github.junitxdist.report.RecordingListener;
import io.github.junitxdist.report.ReportFiles;
import io.github.junitxdist.report.RunRecord;
import io.github.junitxdist.report.RunReport;
import io.github.junitxdist.report.Summary;
import io.github.junitxdist.scheduling.WorkUnit;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;

/**
 * The summary and the report of a forked run: records the run through its {@link RunRecord} (the coordinator reports
 * units and workers, the {@link RecordingListener} the tests' outcomes), and at its end writes the report files and
 * prints the summary on stderr (unless {@code xdist.summary=false}). A run in the calling JVM has neither.
 *
 * <p>Confined to the thread that executes the run; the record it feeds is thread-safe.
 */
final class RunReporting {

    private final ExecutionRequest request;
    private final XdistConfiguration configuration;
    private final RunRecord record = new RunRecord();
    private final Optional<String> shard;

    /** @param shard the line on what the shard kept, if the run is split by {@code xdist.shard} */
    RunReporting(ExecutionRequest request, XdistConfiguration configuration, Optional<String> shard) {
        this.request = request;
        this.configuration = configuration;
        this.shard = shard;
    }

    /** A run without a summary (in the calling JVM, or with nothing to run) tells what its shard kept on its own. */
    void shardAlone() {
        if (configuration.summary()) {
            shard.ifPresent(line -> System.err.println("junit-xdist: " + line));
        }
    }

    /** The launcher's listener, recording for the report. */
    EngineExecutionListener listener() {
        return new RecordingListener(request.getEngineExecutionListener(), record);
    }

    RunRecord record() {
        return record;
    }

    /** The forked run of these units starts now. */
    void begin(ExecutionPlan plan, List<WorkUnit> units) {
        Map<String, Integer> holders = plan.holders();
        Map<String, Integer> unitOfId = new HashMap<>();
        for (WorkUnit unit : units) {
            ExecutionPlan.Scope scope = plan.scope(unit);
            scope.items().stream()
                    .map(TestDescriptor::getUniqueId)
                    .forEach(id -> unitOfId.put(id.toString(), unit.id()));
            scope.containers().stream()
                    .filter(id -> holders.getOrDefault(id, 1) == 1)
                    .forEach(id -> unitOfId.putIfAbsent(id, unit.id()));
        }
        List<RunRecord.Unit> recorded = units.stream()
                .map(unit -> RunRecord.Unit.of(
                        unit.id(),
                        unit.uniqueId(),
                        unit.serial(),
                        unit.serial() || unit.isolated() || !unit.locks().isEmpty()))
                .toList();
        record.begin(System.nanoTime(), recorded, unitOfId);
    }

    /** The forked run's last unit ended: what follows (the isolation check) is not part of its time. */
    void unitsEnded() {
        record.ended(System.nanoTime());
    }

    /**
     * The forked run ended: writes the report and prints the summary. Never throws.
     *
     * @param workers how many workers the run used
     * @param reason how that number was chosen
     */
    void end(int workers, String reason) {
        if (!record.begun()) {
            return;
        }
        record.ended(System.nanoTime());
        RunReport report = record.report(workers, reason);
        Path directory =
                ReportFiles.directory(configuration.reportDir(), request, Path.of(System.getProperty("user.dir")));
        Optional<Path> html =
                ReportFiles.write(report, directory, configuration.reportDir().isPresent());
        if (configuration.summary()) {
            String where = html.map(Path::toString).orElse("not written, see the warning above");
            PrintStream err = System.err;
            Summary.lines(report, where, shard.orElse(null)).forEach(err::println);
            err.flush();
        }
    }

    /** Why the run has this many workers, when {@code xdist.workers} gave the number. */
    static String explicit(int configured, int useful, int units) {
        return useful < configured
                ? "xdist.workers=%d, %d of them useful for %d units".formatted(configured, useful, units)
                : "xdist.workers=" + configured;
    }
}
