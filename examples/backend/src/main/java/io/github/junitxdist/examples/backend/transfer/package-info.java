/**
 * Transfers between accounts: the fee policy, the transactional transfer itself, statements, and the notification
 * sent after each transfer. Depends on {@code account}.
 */
@NullMarked
package io.github.junitxdist.examples.backend.transfer;

import org.jspecify.annotations.NullMarked;
