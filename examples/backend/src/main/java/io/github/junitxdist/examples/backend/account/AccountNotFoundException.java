package io.github.junitxdist.examples.backend.account;

/** No account has the id asked for. */
public final class AccountNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(long accountId) {
        super("no account " + accountId);
    }
}
