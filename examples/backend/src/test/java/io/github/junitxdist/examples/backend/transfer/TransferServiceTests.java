package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.account.InsufficientFundsException;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BackendTest
class TransferServiceTests {

    @Autowired
    TransferService transfers;

    @Autowired
    TransferRepository stored;

    @Autowired
    AccountService accounts;

    @Test
    void booksTheAmountAndTheFee() {
        long ada = open("ada", 300_000);
        long grace = open("grace", 0);

        Transfer transfer = transfers.transfer(ada, grace, 200_000, "car");

        assertThat(transfer.feeCents()).isEqualTo(500);
        assertThat(accounts.get(ada).balanceCents()).isEqualTo(99_500);
        assertThat(accounts.get(grace).balanceCents()).isEqualTo(200_000);
        assertThat(stored.findById(transfer.id())).isPresent();
    }

    @Test
    void aRefusedTransferLeavesNoTrace() {
        long ada = open("ada", 100);
        long grace = open("grace", 0);

        assertThatExceptionOfType(InsufficientFundsException.class)
                .isThrownBy(() -> transfers.transfer(ada, grace, 100, "fee not covered"));

        assertThat(accounts.get(ada).balanceCents()).isEqualTo(100);
        assertThat(stored.involving(ada)).isEmpty();
    }

    /** Row locks in id order: opposite transfers at the same time neither deadlock nor lose an update. */
    @Test
    void concurrentTransfersInBothDirectionsKeepEveryCent() throws Exception {
        String owner = TestAccounts.owner("ada");
        long left = accounts.open(owner, TestAccounts.number(), "EUR", 10_000).id();
        long right = accounts.open(owner, TestAccounts.number(), "EUR", 10_000).id();
        int threads = 4;
        int transfersPerThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                boolean leftToRight = t % 2 == 0;
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < transfersPerThread; i++) {
                        transfers.transfer(
                                leftToRight ? left : right, leftToRight ? right : left, 100 + thread, "t" + thread);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }

        // Same owner, no fees: threads 0 and 2 moved 100 and 102 to the right, 1 and 3 moved 101 and 103 back.
        long movedRight = transfersPerThread * (100 + 102);
        long movedLeft = transfersPerThread * (101 + 103);
        assertThat(accounts.get(left).balanceCents()).isEqualTo(10_000 - movedRight + movedLeft);
        assertThat(accounts.get(right).balanceCents()).isEqualTo(10_000 + movedRight - movedLeft);
        assertThat(stored.involving(left)).hasSize(threads * transfersPerThread);
    }

    private long open(String stem, long cents) {
        return accounts.open(TestAccounts.owner(stem), TestAccounts.number(), "EUR", cents)
                .id();
    }
}
