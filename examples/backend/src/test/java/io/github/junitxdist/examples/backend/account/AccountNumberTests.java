package io.github.junitxdist.examples.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class AccountNumberTests {

    @Test
    void acceptsAWellKnownValidNumber() {
        assertThat(AccountNumber.isValid("DE89370400440532013000")).isTrue();
        assertThat(AccountNumber.isValid("GB82WEST12345698765432")).isTrue();
    }

    @Test
    void parsesNumbersAsPeopleWriteThem() {
        assertThat(AccountNumber.parse("de89 3704 0044 0532 0130 00").value()).isEqualTo("DE89370400440532013000");
    }

    @Test
    void rejectsWrongCheckDigitsAndMalformedNumbers() {
        assertThat(AccountNumber.isValid("DE88370400440532013000")).isFalse();
        assertThat(AccountNumber.isValid("D889370400440532013000")).isFalse();
        assertThat(AccountNumber.isValid("DE89")).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AccountNumber.parse("DE88 3704 0044 0532 0130 00"))
                .withMessageContaining("DE88370400440532013000");
    }

    @Test
    void computesTheCheckDigitsOfANationalPart() {
        assertThat(AccountNumber.of("de", "370400440532013000").value()).isEqualTo("DE89370400440532013000");
        assertThat(AccountNumber.of("GB", "WEST12345698765432").value()).isEqualTo("GB82WEST12345698765432");
    }
}
