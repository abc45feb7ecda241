package io.github.junitxdist.examples.backend.transfer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The notifier of this example: it logs. A real service would publish to a message broker. */
@Component
class LoggingTransferNotifier implements TransferNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingTransferNotifier.class);

    @Override
    public void transferred(Transfer transfer) {
        LOG.debug(
                "transfer {}: {} cents from {} to {}",
                transfer.reference(),
                transfer.amountCents(),
                transfer.fromAccount(),
                transfer.toAccount());
    }
}
