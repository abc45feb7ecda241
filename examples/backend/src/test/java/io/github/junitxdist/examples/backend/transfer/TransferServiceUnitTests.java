package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.junitxdist.examples.backend.account.Account;
import io.github.junitxdist.examples.backend.account.AccountNumber;
import io.github.junitxdist.examples.backend.account.AccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;

/** The service's rules without a database: repositories are mocks. */
class TransferServiceUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T09:30:00Z");

    private final AccountRepository accounts = mock(AccountRepository.class);
    private final TransferRepository transfers = mock(TransferRepository.class);
    private final TransferNotifier notifier = mock(TransferNotifier.class);
    private final TransferService service = new TransferService(
            accounts, transfers, new FeePolicy(), List.of(notifier), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void refusesATransferToTheSameAccount() {
        assertThatIllegalArgumentException().isThrownBy(() -> service.transfer(7, 7, 100, "loop"));
        verifyNoInteractions(accounts, transfers, notifier);
    }

    @Test
    void locksTheLowerIdFirstWhicheverWayTheMoneyGoes() {
        stored(3, "ada", "EUR", 10_000);
        stored(9, "grace", "EUR", 10_000);
        when(transfers.save(any(Transfer.class))).thenAnswer(call -> call.getArgument(0));

        Transfer transfer = service.transfer(9, 3, 100, "back");

        InOrder order = inOrder(accounts);
        order.verify(accounts).findForUpdate(3);
        order.verify(accounts).findForUpdate(9);
        assertThat(transfer.bookedAt()).isEqualTo(NOW);
    }

    @Test
    void refusesToMixCurrencies() {
        stored(1, "ada", "EUR", 10_000);
        stored(2, "grace", "GBP", 10_000);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> service.transfer(1, 2, 100, "fx"))
                .withMessageContaining("EUR and GBP");
        verifyNoInteractions(transfers, notifier);
    }

    private void stored(long id, String owner, String currency, long cents) {
        Account account = new Account(owner, AccountNumber.of("GB", "UNIT" + id), currency, cents);
        ReflectionTestUtils.setField(account, "id", id);
        when(accounts.findForUpdate(id)).thenReturn(Optional.of(account));
    }
}
