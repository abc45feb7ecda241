package io.github.junitxdist.examples.backend.web;

import io.github.junitxdist.examples.backend.account.Account;
import io.github.junitxdist.examples.backend.account.AccountNumber;
import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.transfer.StatementLine;
import io.github.junitxdist.examples.backend.transfer.StatementService;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /accounts}: open an account, read it, read its statement. */
@RestController
@RequestMapping("/accounts")
class AccountController {

    /** The body of {@code POST /accounts}. */
    record OpenAccount(String owner, String number, String currency, long openingCents) {}

    /** An account as the API shows it. */
    record AccountView(long id, String owner, String number, String currency, long balanceCents) {

        static AccountView of(Account account) {
            return new AccountView(
                    account.id(),
                    account.owner(),
                    account.number().value(),
                    account.currency(),
                    account.balanceCents());
        }
    }

    private final AccountService accounts;
    private final StatementService statements;

    AccountController(AccountService accounts, StatementService statements) {
        this.accounts = accounts;
        this.statements = statements;
    }

    @PostMapping
    ResponseEntity<AccountView> open(@RequestBody OpenAccount request) {
        Account account = accounts.open(
                request.owner(), AccountNumber.parse(request.number()), request.currency(), request.openingCents());
        return ResponseEntity.created(URI.create("/accounts/" + account.id())).body(AccountView.of(account));
    }

    @GetMapping("/{id}")
    AccountView get(@PathVariable long id) {
        return AccountView.of(accounts.get(id));
    }

    @GetMapping("/{id}/statement")
    List<StatementLine> statement(@PathVariable long id) {
        return statements.statement(id);
    }
}
