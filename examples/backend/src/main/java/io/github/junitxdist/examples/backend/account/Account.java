package io.github.junitxdist.examples.backend.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** An account: who owns it, its number, currency and balance in minor units (cents). */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false)
    private String owner;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "balance_cents", nullable = false)
    private long balanceCents;

    @Version
    private long version;

    /** For JPA. */
    protected Account() {
        this.owner = "";
        this.number = "";
        this.currency = "";
    }

    public Account(String owner, AccountNumber number, String currency, long balanceCents) {
        this.owner = owner;
        this.number = number.value();
        this.currency = currency;
        this.balanceCents = balanceCents;
    }

    /** The id, once the account is stored. */
    public long id() {
        if (id == null) {
            throw new IllegalStateException("account of " + owner + " is not stored yet");
        }
        return id;
    }

    public String owner() {
        return owner;
    }

    public AccountNumber number() {
        return new AccountNumber(number);
    }

    public String currency() {
        return currency;
    }

    public long balanceCents() {
        return balanceCents;
    }

    /** Adds (or, when negative, takes away) {@code cents}; the balance never goes below zero. */
    public void book(long cents) {
        if (balanceCents + cents < 0) {
            throw new InsufficientFundsException(id(), balanceCents, -cents);
        }
        balanceCents += cents;
    }
}
