package io.github.junitxdist.examples.backend.account;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An account number in IBAN form: two letters, two check digits and up to 30 letters or digits, valid when the ISO 7064
 * mod 97-10 check gives 1. Spaces are ignored and letters are upper-cased.
 *
 * @param value the normalised number, e.g. {@code DE89370400440532013000}
 */
public record AccountNumber(String value) {

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    public AccountNumber {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid account number: '" + value + "'");
        }
    }

    /** Parses a number as people write it ({@code de89 3704 0044 0532 0130 00}). */
    public static AccountNumber parse(String text) {
        return new AccountNumber(normalise(text));
    }

    /** The number of the given country and national part, with the check digits that make it valid. */
    public static AccountNumber of(String country, String nationalPart) {
        String candidate = normalise(country) + "00" + normalise(nationalPart);
        int remainder = remainder(candidate);
        return parse(candidate.substring(0, 2)
                + String.format(Locale.ROOT, "%02d", 98 - remainder)
                + candidate.substring(4));
    }

    /** Whether {@code text}, normalised, is a well-formed number with correct check digits. */
    public static boolean isValid(String text) {
        String number = normalise(text);
        if (!number.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            return false;
        }
        return remainder(number) == 1;
    }

    /** ISO 7064 mod 97-10 over the number with its first four characters moved to the end, letters as 10 to 35. */
    private static int remainder(String number) {
        String rearranged = number.substring(4) + number.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
    }

    private static String normalise(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
