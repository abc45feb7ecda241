package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitxdist.examples.backend.account.Account;
import io.github.junitxdist.examples.backend.account.AccountRepository;
import io.github.junitxdist.examples.backend.support.RepositoryTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

@RepositoryTest
class TransferRepositoryTests {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    @Autowired
    TransferRepository transfers;

    @Autowired
    AccountRepository accounts;

    private long ada;
    private long grace;
    private long alan;

    @BeforeEach
    void openAccounts() {
        ada = open("ada");
        grace = open("grace");
        alan = open("alan");
    }

    @Test
    void findsTransfersInBothDirectionsOldestFirst() {
        Transfer out = transfers.save(new Transfer(ada, grace, 100, 10, "rent", AT));
        Transfer in = transfers.save(new Transfer(grace, ada, 50, 10, "refund", AT));
        transfers.save(new Transfer(grace, alan, 70, 10, "lunch", AT));

        assertThat(transfers.involving(ada)).extracting(Transfer::id).containsExactly(out.id(), in.id());
    }

    @Test
    void sumsTheFeesAnAccountPaid() {
        transfers.save(new Transfer(ada, grace, 10_000, 25, "one", AT));
        transfers.save(new Transfer(ada, alan, 200_000, 500, "two", AT));
        transfers.save(new Transfer(grace, ada, 100, 10, "not ada's fee", AT));

        assertThat(transfers.feesPaidCents(ada)).isEqualTo(525);
        assertThat(transfers.feesPaidCents(alan)).isZero();
    }

    @Test
    void theDatabaseRefusesATransferToAnAccountThatDoesNotExist() {
        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> transfers.saveAndFlush(new Transfer(ada, Long.MAX_VALUE, 100, 10, "nowhere", AT)));
    }

    private long open(String stem) {
        return accounts.save(new Account(TestAccounts.owner(stem), TestAccounts.number(), "EUR", 1_000_000))
                .id();
    }
}
