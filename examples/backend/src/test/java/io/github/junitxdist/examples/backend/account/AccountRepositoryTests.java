package io.github.junitxdist.examples.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitxdist.examples.backend.support.RepositoryTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@RepositoryTest
class AccountRepositoryTests {

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void findsAnOwnersAccountsInTheOrderTheyWereOpened() {
        String owner = TestAccounts.owner("ada");
        Account first = accounts.save(new Account(owner, TestAccounts.number(), "EUR", 100));
        Account second = accounts.save(new Account(owner, TestAccounts.number(), "GBP", 200));
        accounts.save(new Account(TestAccounts.owner("grace"), TestAccounts.number(), "EUR", 300));

        assertThat(accounts.findByOwnerOrderByIdAsc(owner))
                .extracting(Account::id)
                .containsExactly(first.id(), second.id());
        assertThat(accounts.findByNumber(second.number().value())).contains(second);
    }

    @Test
    void theDatabaseRefusesASecondAccountWithTheSameNumber() {
        AccountNumber number = TestAccounts.number();
        accounts.saveAndFlush(new Account(TestAccounts.owner("ada"), number, "EUR", 0));

        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> accounts.saveAndFlush(new Account(TestAccounts.owner("grace"), number, "EUR", 0)));
    }

    @Test
    void theDatabaseRefusesANegativeBalanceEvenPastTheEntity() {
        Account account =
                accounts.saveAndFlush(new Account(TestAccounts.owner("ada"), TestAccounts.number(), "EUR", 5));

        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> jdbc.sql("update account set balance_cents = -1 where id = ?")
                        .param(account.id())
                        .update());
    }

    @Test
    void totalsBalancesPerCurrency() {
        // Rolled back after each test, but other classes' committed rows may be there: compare with before.
        long before = accounts.totalCents("CHF");
        accounts.save(new Account(TestAccounts.owner("ada"), TestAccounts.number(), "CHF", 1_250));
        accounts.save(new Account(TestAccounts.owner("grace"), TestAccounts.number(), "CHF", 750));
        accounts.save(new Account(TestAccounts.owner("alan"), TestAccounts.number(), "EUR", 10_000));

        assertThat(accounts.totalCents("CHF") - before).isEqualTo(2_000);
    }
}
