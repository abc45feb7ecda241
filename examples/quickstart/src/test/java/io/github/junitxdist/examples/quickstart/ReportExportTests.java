package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the CSV export of a (simulated) sales report. */
class ReportExportTests {

    static String toCsv(List<List<String>> rows) {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            csv.append(String.join(",", row)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void exportsAHeaderAndRows() {
        SimulatedIo.call(this, "SELECT month, revenue FROM sales; write sales.csv", 1000);
        List<List<String>> rows = List.of(List.of("month", "revenue"), List.of("2024-01", "100"));
        assertEquals("month,revenue\n2024-01,100\n", toCsv(rows));
    }

    @Test
    void exportsAnEmptyReport() {
        SimulatedIo.call(this, "SELECT month, revenue FROM sales WHERE 1 = 0; write empty.csv", 700);
        assertEquals("", toCsv(List.of()));
    }
}
