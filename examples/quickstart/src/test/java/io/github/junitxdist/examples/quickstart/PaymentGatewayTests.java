package io.github.junitxdist.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tests of payment authorisation against a (simulated) payment provider sandbox. */
class PaymentGatewayTests {

    static String authorize(String cardNumber, long cents) {
        return cardNumber.endsWith("0000") || cents > 100_000 ? "DECLINED" : "APPROVED";
    }

    @Test
    void approvesAnOrdinaryPayment() {
        SimulatedIo.call(this, "POST https://payments.example/authorize (19.99 EUR)", 1000);
        assertEquals("APPROVED", authorize("4111111111111111", 1_999));
    }

    @Test
    void declinesAPaymentOverTheLimit() {
        SimulatedIo.call(this, "POST https://payments.example/authorize (2500.00 EUR)", 900);
        assertEquals("DECLINED", authorize("4111111111111111", 250_000));
    }
}
