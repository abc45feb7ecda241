package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of order pricing through the (simulated) order API. */
class OrderServiceTests {

    record Line(String sku, int quantity, BigDecimal unitPrice) {
        BigDecimal total() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    static BigDecimal orderTotal(List<Line> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        return lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void totalsAllLines() {
        SimulatedIo.call(this, "POST /orders (2 lines)", 700);
        List<Line> lines =
                List.of(new Line("book", 2, new BigDecimal("12.50")), new Line("pen", 3, new BigDecimal("1.20")));
        assertEquals(new BigDecimal("28.60"), orderTotal(lines));
    }

    @Test
    void rejectsAnEmptyOrder() {
        SimulatedIo.call(this, "POST /orders (no lines)", 500);
        assertThrows(IllegalArgumentException.class, () -> orderTotal(List.of()));
    }

    @Test
    void loadsAnOrderWithItsLines() {
        SimulatedIo.call(this, "GET /orders/42?expand=lines", 800);
        assertEquals(new BigDecimal("4.00"), orderTotal(List.of(new Line("mug", 1, new BigDecimal("4.00")))));
    }
}
