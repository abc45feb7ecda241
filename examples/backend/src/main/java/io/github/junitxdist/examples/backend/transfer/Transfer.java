package io.github.junitxdist.examples.backend.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A completed transfer: money moved from one account to another, and the fee the sender paid on top. */
@Entity
@Table(name = "transfer")
public class Transfer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "from_account", nullable = false)
    private long fromAccount;

    @Column(name = "to_account", nullable = false)
    private long toAccount;

    @Column(name = "amount_cents", nullable = false)
    private long amountCents;

    @Column(name = "fee_cents", nullable = false)
    private long feeCents;

    @Column(nullable = false)
    private String reference;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    /** For JPA. */
    protected Transfer() {
        this.reference = "";
        this.bookedAt = Instant.EPOCH;
    }

    public Transfer(long fromAccount, long toAccount, long amountCents, long feeCents, String reference, Instant at) {
        this.fromAccount = fromAccount;
        this.toAccount = toAccount;
        this.amountCents = amountCents;
        this.feeCents = feeCents;
        this.reference = reference;
        this.bookedAt = at;
    }

    /** The id, once the transfer is stored. */
    public long id() {
        if (id == null) {
            throw new IllegalStateException("transfer " + reference + " is not stored yet");
        }
        return id;
    }

    public long fromAccount() {
        return fromAccount;
    }

    public long toAccount() {
        return toAccount;
    }

    public long amountCents() {
        return amountCents;
    }

    public long feeCents() {
        return feeCents;
    }

    public String reference() {
        return reference;
    }

    public Instant bookedAt() {
        return bookedAt;
    }
}
