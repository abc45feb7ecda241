package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tests of stock reservations in the (simulated) warehouse service, with a {@code @Nested} scenario. */
class InventoryServiceTests {

    private final Map<String, Integer> stock = new HashMap<>();

    @BeforeEach
    void loadStock() {
        SimulatedIo.call(this, "GET /warehouse/stock", 150);
        stock.put("book", 5);
        stock.put("pen", 1);
    }

    boolean reserve(String sku, int quantity) {
        int available = stock.getOrDefault(sku, 0);
        if (available < quantity) {
            return false;
        }
        stock.put(sku, available - quantity);
        return true;
    }

    @Test
    void reservesAvailableStock() {
        SimulatedIo.call(this, "PUT /warehouse/reservations (book x2)", 500);
        assertTrue(reserve("book", 2));
        assertEquals(3, stock.get("book"));
    }

    @Test
    void reportsTheStockLevel() {
        SimulatedIo.call(this, "GET /warehouse/stock/book", 400);
        assertEquals(5, stock.get("book"));
    }

    @Nested
    class WhenAnItemIsOutOfStock {

        @BeforeEach
        void sellTheLastPen() {
            SimulatedIo.call(this, "PUT /warehouse/reservations (pen x1)", 150);
            reserve("pen", 1);
        }

        @Test
        void refusesAReservation() {
            SimulatedIo.call(this, "PUT /warehouse/reservations (pen x1)", 500);
            assertFalse(reserve("pen", 1));
        }

        @Test
        void keepsTheStockAtZero() {
            SimulatedIo.call(this, "GET /warehouse/stock/pen", 400);
            assertEquals(0, stock.get("pen"));
        }
    }
}
