package io.github.junitxdist.examples.backend.transfer;

import io.github.junitxdist.examples.backend.account.AccountService;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements: every transfer of an account with the running balance after it. The balance before the first transfer
 * is worked back from the current one, so one window query gives the whole statement.
 */
@Service
public class StatementService {

    private static final String LINES = """
            with changes as (
                select id, reference, booked_at,
                       case when from_account = :account then -(amount_cents + fee_cents) else amount_cents end
                           as change_cents
                from transfer
                where from_account = :account or to_account = :account
            )
            select id, reference, booked_at, change_cents,
                   :current - sum(change_cents) over () + sum(change_cents) over (order by id) as balance_cents
            from changes
            order by id
            """;

    private final AccountService accounts;
    private final JdbcClient jdbc;

    public StatementService(AccountService accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<StatementLine> statement(long accountId) {
        long current = accounts.get(accountId).balanceCents();
        return jdbc.sql(LINES)
                .param("account", accountId)
                .param("current", current)
                .query((row, n) -> new StatementLine(
                        row.getLong("id"),
                        row.getString("reference"),
                        row.getLong("change_cents"),
                        row.getLong("balance_cents"),
                        row.getTimestamp("booked_at").toInstant()))
                .list();
    }
}
