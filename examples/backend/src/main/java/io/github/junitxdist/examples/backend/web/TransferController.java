package io.github.junitxdist.examples.backend.web;

import io.github.junitxdist.examples.backend.transfer.Transfer;
import io.github.junitxdist.examples.backend.transfer.TransferService;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /transfers}: move money. */
@RestController
@RequestMapping("/transfers")
class TransferController {

    /** The body of {@code POST /transfers}. */
    record TransferRequest(long from, long to, long amountCents, String reference) {}

    /** A transfer as the API shows it. */
    record TransferView(long id, long from, long to, long amountCents, long feeCents, String reference) {

        static TransferView of(Transfer transfer) {
            return new TransferView(
                    transfer.id(),
                    transfer.fromAccount(),
                    transfer.toAccount(),
                    transfer.amountCents(),
                    transfer.feeCents(),
                    transfer.reference());
        }
    }

    private final TransferService transfers;

    TransferController(TransferService transfers) {
        this.transfers = transfers;
    }

    @PostMapping
    ResponseEntity<TransferView> transfer(@RequestBody TransferRequest request) {
        Transfer transfer =
                transfers.transfer(request.from(), request.to(), request.amountCents(), request.reference());
        return ResponseEntity.created(URI.create("/transfers/" + transfer.id())).body(TransferView.of(transfer));
    }
}
