package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests of the e-mails sent through a (simulated) SMTP server. */
class NotificationServiceTests {

    private final List<String> outbox = new ArrayList<>();

    void notifyShipped(String email, String orderId) {
        outbox.add("To: " + email + " | Your order " + orderId + " has shipped");
    }

    @Test
    void sendsAShippingEmail() {
        SimulatedIo.call(this, "SMTP send to ada@example.org", 600);
        notifyShipped("ada@example.org", "42");
        assertEquals(List.of("To: ada@example.org | Your order 42 has shipped"), outbox);
    }

    @Test
    void mentionsTheOrderNumber() {
        SimulatedIo.call(this, "SMTP send to grace@example.org", 500);
        notifyShipped("grace@example.org", "1337");
        assertTrue(outbox.get(0).contains("1337"));
    }

    @Test
    void sendsNothingWithoutAnEvent() {
        SimulatedIo.call(this, "SMTP poll outbox", 400);
        assertTrue(outbox.isEmpty());
    }
}
