package io.github.junitxdist.examples.backend.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.junitxdist.api.Serial;
import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import io.github.junitxdist.examples.backend.transfer.TransferService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reset a demo environment gets every night: every table truncated, ids starting over. It wipes rows other tests
 * made, so, like {@link SchemaMigrationTests}, it is {@code @Serial}.
 */
@Serial
@BackendTest
class DataResetTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    TransferService transfers;

    @BeforeEach
    void reset() {
        jdbc.sql("truncate audit_entry, transfer, account restart identity").update();
    }

    @Test
    void idsStartOverAfterAReset() {
        long first = accounts.open(TestAccounts.owner("ada"), TestAccounts.number(), "EUR", 100)
                .id();
        long second = accounts.open(TestAccounts.owner("grace"), TestAccounts.number(), "EUR", 0)
                .id();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
    }

    @Test
    void theTotalOfAllBalancesIsWhatWasPaidInMinusFees() {
        long ada = accounts.open(TestAccounts.owner("ada"), TestAccounts.number(), "EUR", 100_000)
                .id();
        long grace = accounts.open(TestAccounts.owner("grace"), TestAccounts.number(), "EUR", 50_000)
                .id();
        transfers.transfer(ada, grace, 10_000, "one");
        transfers.transfer(grace, ada, 20_000, "two");

        assertThat(jdbc.sql("select sum(balance_cents) from account")
                        .query(Long.class)
                        .single())
                .isEqualTo(150_000 - 25 - 50);
    }
}
