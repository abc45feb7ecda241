package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tests of the user repository against the (simulated) test database. */
class UserRepositoryTests {

    private final Map<String, String> users = new HashMap<>();

    @BeforeEach
    void insertFixtureUsers() {
        SimulatedIo.call(this, "INSERT INTO users (ada, grace)", 200);
        users.put("ada", "Ada Lovelace");
        users.put("grace", "Grace Hopper");
    }

    @Test
    void findsAUserById() {
        SimulatedIo.call(this, "SELECT * FROM users WHERE id = 'ada'", 500);
        assertEquals(Optional.of("Ada Lovelace"), Optional.ofNullable(users.get("ada")));
    }

    @Test
    void returnsNothingForAnUnknownId() {
        SimulatedIo.call(this, "SELECT * FROM users WHERE id = 'linus'", 400);
        assertFalse(users.containsKey("linus"));
    }

    @Test
    void deletesAUser() {
        SimulatedIo.call(this, "DELETE FROM users WHERE id = 'grace'", 500);
        users.remove("grace");
        assertTrue(users.containsKey("ada"));
        assertEquals(1, users.size());
    }
}
