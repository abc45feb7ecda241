package io.github.junitxdist.examples.backend.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.github.junitxdist.examples.backend.support.BackendTest;
import io.github.junitxdist.examples.backend.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@BackendTest
class AccountApiTests {

    @Autowired
    MockMvc mvc;

    @Test
    void opensAnAccountAndSaysWhereItIs() throws Exception {
        String owner = TestAccounts.owner("ada");
        mvc.perform(post("/accounts").contentType(MediaType.APPLICATION_JSON).content(body(owner, "EUR", 2_500)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/accounts/")))
                .andExpect(jsonPath("$.owner").value(owner))
                .andExpect(jsonPath("$.balanceCents").value(2_500));
    }

    @Test
    void readsAnAccountBack() throws Exception {
        String owner = TestAccounts.owner("grace");
        String created = mvc.perform(post("/accounts")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(owner, "GBP", 70)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");

        mvc.perform(get("/accounts/{id}", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.owner").value(owner))
                .andExpect(jsonPath("$.currency").value("GBP"));
    }

    @Test
    void answersNotFoundWithAProblem() throws Exception {
        mvc.perform(get("/accounts/{id}", Long.MAX_VALUE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no account " + Long.MAX_VALUE));
    }

    @Test
    void refusesAnAccountNumberWithWrongCheckDigits() throws Exception {
        mvc.perform(post("/accounts").contentType(MediaType.APPLICATION_JSON).content("""
                                {"owner": "mallory", "number": "DE88370400440532013000", "currency": "EUR",
                                 "openingCents": 1}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("not a valid account number")));
    }

    private static String body(String owner, String currency, long cents) {
        return """
                {"owner": "%s", "number": "%s", "currency": "%s", "openingCents": %d}""".formatted(owner, TestAccounts.number(), currency, cents);
    }
}
