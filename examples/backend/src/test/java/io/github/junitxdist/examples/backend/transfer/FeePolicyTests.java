package io.github.junitxdist.examples.backend.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeePolicyTests {

    private final FeePolicy fees = new FeePolicy();

    @Test
    void transfersBetweenOnesOwnAccountsAreFree() {
        assertThat(fees.feeCents(1_000_000, "ada", "ada")).isZero();
    }

    @ParameterizedTest(name = "{0} cents cost {1}")
    @CsvSource({
        "100, 10", // 0.25 cents: the minimum applies
        "10000, 25",
        "10200, 26", // 25.5 rounds half up
        "10199, 25",
        "200000, 500",
        "5000000, 500" // 12,500 cents: the cap applies
    })
    void chargesAQuarterPercentBetweenTheMinimumAndTheCap(long amount, long fee) {
        assertThat(fees.feeCents(amount, "ada", "grace")).isEqualTo(fee);
    }

    @Test
    void rejectsAmountsThatAreNotPositive() {
        assertThatIllegalArgumentException().isThrownBy(() -> fees.feeCents(0, "ada", "grace"));
        assertThatIllegalArgumentException().isThrownBy(() -> fees.feeCents(-5, "ada", "ada"));
    }
}
