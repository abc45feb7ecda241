package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.github.junitxdist.examples.backend.account.AccountNotFoundException;
import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class StatementServiceTests {

    @Autowired
    StatementService statements;

    @Autowired
    TransferService transfers;

    @Autowired
    AccountService accounts;

    @Test
    void anAccountWithoutTransfersHasAnEmptyStatement() {
        assertThat(statements.statement(open("ada", 500))).isEmpty();
    }

    @Test
    void runningBalancesEndAtTheCurrentBalance() {
        long ada = open("ada", 100_000);
        long grace = open("grace", 100_000);
        long alan = open("alan", 0);
        transfers.transfer(ada, grace, 10_000, "a");
        transfers.transfer(grace, ada, 30_000, "b");
        transfers.transfer(ada, alan, 1_000, "c");
        transfers.transfer(alan, ada, 990, "d");

        assertThat(statements.statement(ada))
                .extracting(StatementLine::reference, StatementLine::changeCents, StatementLine::balanceCents)
                .containsExactly(
                        tuple("a", -10_025L, 89_975L),
                        tuple("b", 30_000L, 119_975L),
                        tuple("c", -1_010L, 118_965L),
                        tuple("d", 990L, 119_955L));
        assertThat(accounts.get(ada).balanceCents()).isEqualTo(119_955L);
    }

    @Test
    void aStatementOfAnUnknownAccountFails() {
        assertThatExceptionOfType(AccountNotFoundException.class).isThrownBy(() -> statements.statement(-1));
    }

    private long open(String stem, long cents) {
        return accounts.open(TestAccounts.owner(stem), TestAccounts.number(), "EUR", cents)
                .id();
    }
}
