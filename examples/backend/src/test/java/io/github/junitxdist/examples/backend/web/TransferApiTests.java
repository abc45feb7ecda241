package io.github.junitxdist.examples.backend.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.github.junitxdist.examples.backend.account.AccountService;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@BackendTest
class TransferApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Test
    void movesMoneyAndChargesTheSender() throws Exception {
        long ada = open("ada", 100_000);
        long grace = open("grace", 0);

        transfer(ada, grace, 10_000, "rent")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.feeCents").value(25));

        mvc.perform(get("/accounts/{id}", ada))
                .andExpect(jsonPath("$.balanceCents").value(89_975));
        mvc.perform(get("/accounts/{id}", grace))
                .andExpect(jsonPath("$.balanceCents").value(10_000));
    }

    @Test
    void refusesATransferTheSenderCannotCoverAndChangesNothing() throws Exception {
        long ada = open("ada", 1_000);
        long grace = open("grace", 0);

        transfer(ada, grace, 995, "too much with the fee")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value("account " + ada + " holds 1000 cents, cannot debit 1005"));

        mvc.perform(get("/accounts/{id}", ada))
                .andExpect(jsonPath("$.balanceCents").value(1_000));
        mvc.perform(get("/accounts/{id}/statement", ada))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void refusesATransferFromAnAccountThatDoesNotExist() throws Exception {
        long grace = open("grace", 0);

        transfer(Long.MAX_VALUE, grace, 100, "ghost").andExpect(status().isNotFound());
    }

    @Test
    void showsTheTransfersOnTheStatementWithRunningBalances() throws Exception {
        long ada = open("ada", 50_000);
        long grace = open("grace", 0);
        transfer(ada, grace, 20_000, "one").andExpect(status().isCreated());
        transfer(grace, ada, 5_000, "two").andExpect(status().isCreated());

        mvc.perform(get("/accounts/{id}/statement", ada))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].reference").value("one"))
                .andExpect(jsonPath("$[0].changeCents").value(-20_050))
                .andExpect(jsonPath("$[0].balanceCents").value(29_950))
                .andExpect(jsonPath("$[1].changeCents").value(5_000))
                .andExpect(jsonPath("$[1].balanceCents").value(34_950));
    }

    private ResultActions transfer(long from, long to, long cents, String reference) throws Exception {
        return mvc.perform(
                post("/transfers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"from": %d, "to": %d, "amountCents": %d, "reference": "%s"}""".formatted(
                                from, to, cents, reference)));
    }

    private long open(String stem, long cents) {
        return accounts.open(TestAccounts.owner(stem), TestAccounts.number(), "EUR", cents)
                .id();
    }
}
