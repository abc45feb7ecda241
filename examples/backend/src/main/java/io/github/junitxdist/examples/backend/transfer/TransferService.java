package io.github.junitxdist.examples.backend.transfer;

import io.github.junitxdist.examples.backend.account.Account;
import io.github.junitxdist.examples.backend.account.AccountNotFoundException;
import io.github.junitxdist.examples.backend.account.AccountRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves money between two accounts in one transaction. Both rows are locked ({@code SELECT ... FOR UPDATE}) in the
 * order of their ids, so that concurrent transfers in opposite directions cannot deadlock; the sender pays the amount
 * plus the fee, and the fee leaves the system.
 */
@Service
public class TransferService {

    private final AccountRepository accounts;
    private final TransferRepository transfers;
    private final FeePolicy fees;
    private final List<TransferNotifier> notifiers;
    private final Clock clock;

    public TransferService(
            AccountRepository accounts,
            TransferRepository transfers,
            FeePolicy fees,
            List<TransferNotifier> notifiers,
            Clock clock) {
        this.accounts = accounts;
        this.transfers = transfers;
        this.fees = fees;
        this.notifiers = List.copyOf(notifiers);
        this.clock = clock;
    }

    /** Transfers {@code amountCents} (positive) from one account to another, with a reference the caller chooses. */
    @Transactional
    public Transfer transfer(long fromId, long toId, long amountCents, String reference) {
        if (fromId == toId) {
            throw new IllegalArgumentException("cannot transfer from account " + fromId + " to itself");
        }
        Account first = lock(Math.min(fromId, toId));
        Account second = lock(Math.max(fromId, toId));
        Account from = first.id() == fromId ? first : second;
        Account to = from == first ? second : first;
        if (!from.currency().equals(to.currency())) {
            throw new IllegalArgumentException("currencies differ: " + from.currency() + " and " + to.currency());
        }
        long fee = fees.feeCents(amountCents, from.owner(), to.owner());
        from.book(-(amountCents + fee));
        to.book(amountCents);
        Transfer transfer = transfers.save(new Transfer(fromId, toId, amountCents, fee, reference, clock.instant()));
        notifiers.forEach(notifier -> notifier.transferred(transfer));
        return transfer;
    }

    private Account lock(long id) {
        return accounts.findForUpdate(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
