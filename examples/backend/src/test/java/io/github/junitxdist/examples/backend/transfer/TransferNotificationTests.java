package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** The notifier is a mock here, which gives this class a Spring context of its own. */
@BackendTest
class TransferNotificationTests {

    @MockitoBean
    TransferNotifier notifier;

    @Autowired
    TransferService transfers;

    @Autowired
    TransferRepository stored;

    @Autowired
    AccountService accounts;

    @Test
    void notifiesOnceWithTheStoredTransfer() {
        long ada = open("ada", 10_000);
        long grace = open("grace", 0);

        Transfer transfer = transfers.transfer(ada, grace, 1_000, "gift");

        ArgumentCaptor<Transfer> sent = ArgumentCaptor.forClass(Transfer.class);
        verify(notifier).transferred(sent.capture());
        assertThat(sent.getValue().id()).isEqualTo(transfer.id());
        assertThat(sent.getValue().reference()).isEqualTo("gift");
    }

    @Test
    void aFailingNotificationRollsTheTransferBack() {
        long ada = open("ada", 10_000);
        long grace = open("grace", 0);
        doThrow(new IllegalStateException("broker down")).when(notifier).transferred(any());

        assertThatIllegalStateException().isThrownBy(() -> transfers.transfer(ada, grace, 1_000, "lost"));

        assertThat(accounts.get(ada).balanceCents()).isEqualTo(10_000);
        assertThat(accounts.get(grace).balanceCents()).isZero();
        assertThat(stored.involving(ada)).isEmpty();
    }

    private long open(String stem, long cents) {
        return accounts.open(TestAccounts.owner(stem), TestAccounts.number(), "EUR", cents)
                .id();
    }
}
