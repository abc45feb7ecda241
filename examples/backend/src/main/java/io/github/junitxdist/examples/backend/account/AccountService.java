package io.github.junitxdist.examples.backend.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and looks up accounts. */
@Service
public class AccountService {

    private final AccountRepository accounts;

    public AccountService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    /** Opens an account with an opening balance; fails if the number is taken. */
    @Transactional
    public Account open(String owner, AccountNumber number, String currency, long openingCents) {
        if (openingCents < 0) {
            throw new IllegalArgumentException("opening balance must not be negative: " + openingCents);
        }
        if (accounts.findByNumber(number.value()).isPresent()) {
            throw new IllegalArgumentException("account number " + number + " is taken");
        }
        return accounts.save(new Account(owner, number, currency, openingCents));
    }

    @Transactional(readOnly = true)
    public Account get(long id) {
        return accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
    }
}
