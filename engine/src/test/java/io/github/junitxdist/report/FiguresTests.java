package io.github.junitxdist.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.report.RunReport.Outcome;
import io.github.junitxdist.report.RunReport.UnitRun;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run's lower bound is the largest of work per worker, the longest unit and the serial work. */
class FiguresTests {

    @Test
    void theWorkedExampleOfTheJavadoc() {
        Figures figures = Figures.of(
                List.of(
                        run("a", "gw0", 0, 4000, false),
                        run("b", "gw1", 0, 2000, true),
                        run("c", "gw1", 3000, 5000, false)),
                2,
                5000);

        assertThat(figures.workMillis()).isEqualTo(8000);
        assertThat(figures.lowerBoundMillis()).isEqualTo(4000);
        assertThat(figures.efficiency()).isEqualTo(0.8);
        assertThat(Summary.bindingTerm(figures)).isEqualTo("longest unit"); // a tie with work / workers
    }

    @Test
    void aLongUnitOrSerialWorkBoundsTheRunWhenItExceedsTheWorkPerWorker() {
        Figures longest =
                Figures.of(List.of(run("a", "gw0", 0, 9000, false), run("b", "gw1", 0, 1000, false)), 4, 9000);
        Figures serial = Figures.of(
                List.of(
                        run("a", "gw0", 0, 3000, true),
                        run("b", "gw0", 3000, 6000, true),
                        run("c", "gw1", 0, 1000, false)),
                4,
                6000);

        assertThat(longest.lowerBoundMillis()).isEqualTo(9000);
        assertThat(Summary.bindingTerm(longest)).isEqualTo("longest unit");
        assertThat(serial.lowerBoundMillis()).isEqualTo(6000);
        assertThat(Summary.bindingTerm(serial)).isEqualTo("serial work");
    }

    private static UnitRun run(String name, String worker, long start, long end, boolean serial) {
        return new UnitRun(name, name, worker, start, end, serial, 1, 1, 0, 0, 0, Outcome.PASSED, List.of(), 0);
    }
}
