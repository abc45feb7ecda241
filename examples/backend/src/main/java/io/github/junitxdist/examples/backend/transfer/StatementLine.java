package io.github.junitxdist.examples.backend.transfer;

import java.time.Instant;

/**
 * One line of an account statement.
 *
 * @param transferId the transfer
 * @param reference its reference
 * @param changeCents what it did to the balance: negative for money out, fee included
 * @param balanceCents the balance after it
 * @param bookedAt when it was booked
 */
public record StatementLine(long transferId, String reference, long changeCents, long balanceCents, Instant bookedAt) {}
