package io.github.junitxdist.examples.backend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.account.InsufficientFundsException;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import io.github.junitxdist.examples.backend.transfer.TransferService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

/** The {@code audit} profile, which gives this class a Spring context of its own. */
@BackendTest
@ActiveProfiles("audit")
class AuditTrailTests {

    @Autowired
    AuditTrail audit;

    @Autowired
    TransferService transfers;

    @Autowired
    AccountService accounts;

    @Test
    void recordsADebitAndACreditPerTransfer() {
        long ada = open("ada", 10_000);
        long grace = open("grace", 0);

        transfers.transfer(ada, grace, 1_000, "one");
        transfers.transfer(grace, ada, 500, "two");

        assertThat(audit.actions(ada)).containsExactly("DEBIT", "CREDIT");
        assertThat(audit.actions(grace)).containsExactly("CREDIT", "DEBIT");
    }

    @Test
    void aRefusedTransferIsNotAudited() {
        long ada = open("ada", 0);
        long grace = open("grace", 0);

        assertThatExceptionOfType(InsufficientFundsException.class)
                .isThrownBy(() -> transfers.transfer(ada, grace, 1_000, "nothing there"));

        assertThat(audit.actions(ada)).isEmpty();
        assertThat(audit.actions(grace)).isEmpty();
    }

    private long open(String stem, long cents) {
        return accounts.open(TestAccounts.owner(stem), TestAccounts.number(), "EUR", cents)
                .id();
    }
}
