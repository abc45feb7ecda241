package io.github.junitxdist.examples.backend.audit;

import io.github.junitxdist.examples.backend.transfer.Transfer;
import io.github.junitxdist.examples.backend.transfer.TransferNotifier;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one {@code audit_entry} row per transfer, in the transfer's transaction, so a transfer and its audit entry
 * are committed or rolled back together. Active with the {@code audit} profile.
 */
@Component
@Profile("audit")
public class AuditTrail implements TransferNotifier {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void transferred(Transfer transfer) {
        jdbc.sql("insert into audit_entry (transfer_id, account_id, action) values (?, ?, 'DEBIT'), (?, ?, 'CREDIT')")
                .params(transfer.id(), transfer.fromAccount(), transfer.id(), transfer.toAccount())
                .update();
    }

    /** The actions recorded for an account, oldest first ({@code DEBIT} or {@code CREDIT}). */
    public List<String> actions(long accountId) {
        return jdbc.sql("select action from audit_entry where account_id = ? order by id")
                .param(accountId)
                .query(String.class)
                .list();
    }
}
