package io.github.junitxdist.examples.backend.account;

/** A debit larger than the balance. */
public final class InsufficientFundsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InsufficientFundsException(long accountId, long balanceCents, long debitCents) {
        super("account " + accountId + " holds " + balanceCents + " cents, cannot debit " + debitCents);
    }
}
