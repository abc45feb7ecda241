package io.github.junitxdist.examples.backend.transfer;

/**
 * Tells the outside world about a transfer, inside the transfer's transaction: if it throws, the transfer is rolled
 * back.
 */
public interface TransferNotifier {

    void transferred(Transfer transfer);
}
