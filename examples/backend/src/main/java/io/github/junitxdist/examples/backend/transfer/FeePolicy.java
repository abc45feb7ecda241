package io.github.junitxdist.examples.backend.transfer;

import org.springframework.stereotype.Component;

/**
 * The fee of a transfer, in cents: free between accounts of the same owner, otherwise 0.25 % of the amount rounded
 * half up, at least 10 cents and at most 500.
 */
@Component
public class FeePolicy {

    static final long BASIS_POINTS = 25;
    static final long MINIMUM_CENTS = 10;
    static final long MAXIMUM_CENTS = 500;

    /** The fee for moving {@code amountCents} (positive) between the two owners. */
    public long feeCents(long amountCents, String fromOwner, String toOwner) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amountCents);
        }
        if (fromOwner.equals(toOwner)) {
            return 0;
        }
        long proportional = (amountCents * BASIS_POINTS + 5_000) / 10_000;
        return Math.min(MAXIMUM_CENTS, Math.max(MINIMUM_CENTS, proportional));
    }
}
