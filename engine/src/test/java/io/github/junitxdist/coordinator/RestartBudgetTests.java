package io.github.junitxdist.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartBudgetTests {

    @Test
    void aReplacementThatNeverStartsLeavesItsRestartForTheNextLoss() {
        var budget = new RestartBudget(1);

        assertThat(budget.reserve(1)).as("gw1 lost").isTrue();
        budget.dropped(1); // the work left went to gw0 before the replacement could start

        assertThat(budget.usedUp()).isFalse();
        assertThat(budget.reserve(0)).as("gw0 lost later").isTrue();
    }

    @Test
    void aReplacementThatStartsUsesUpItsRestart() {
        var budget = new RestartBudget(1);

        assertThat(budget.reserve(1)).isTrue();
        budget.starting(1);

        assertThat(budget.usedUp()).isTrue();
        assertThat(budget.reserve(0)).isFalse();
    }

    @Test
    void queuedReplacementsCountAgainstTheBudgetBeforeTheyStart() {
        var budget = new RestartBudget(1);

        assertThat(budget.reserve(1)).isTrue();
        assertThat(budget.reserve(0)).as("the one restart is reserved for gw1").isFalse();
    }

    @Test
    void aFirstStartUsesNoRestart() {
        var budget = new RestartBudget(2);

        budget.starting(0);
        budget.starting(1);

        assertThat(budget.reserve(0)).isTrue();
        assertThat(budget.reserve(1)).isTrue();
        assertThat(budget.usedUp()).isFalse();
    }
}
