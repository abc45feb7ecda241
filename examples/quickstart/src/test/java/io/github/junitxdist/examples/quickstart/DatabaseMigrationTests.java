package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.junitxdist.api.Serial;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Migrates the one shared test database schema, so it must never overlap with another such test: {@link Serial} makes
 * junit-xdist run it on its own, while the other classes keep running in parallel on the other workers.
 */
@Serial
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseMigrationTests {

    private static final List<String> APPLIED = new ArrayList<>();

    @Test
    @Order(1)
    void appliesTheInitialSchema() {
        SimulatedIo.call(this, "migrate V1__create_users.sql", 700);
        APPLIED.add("V1");
        assertEquals(List.of("V1"), APPLIED);
    }

    @Test
    @Order(2)
    void appliesAnAddedColumn() {
        SimulatedIo.call(this, "migrate V2__add_email_to_users.sql", 600);
        APPLIED.add("V2");
        assertEquals(List.of("V1", "V2"), APPLIED);
    }

    @Test
    @Order(3)
    void rollsBackTheLastMigration() {
        SimulatedIo.call(this, "undo V2__add_email_to_users.sql", 600);
        APPLIED.remove("V2");
        assertEquals(List.of("V1"), APPLIED);
    }
}
