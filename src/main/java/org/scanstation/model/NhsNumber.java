package org.scanstation.model;

import java.util.Optional;

/**
 * A syntactically valid NHS number: ten digits whose last digit is the modulus-11 check digit of
 * the first nine. Instances always pass the check; use {@link #hasValidCheckDigit(String)} to test
 * a candidate that may not.
 */
public record NhsNumber(String digits) {

    public NhsNumber {
        if (!hasValidCheckDigit(digits)) {
            throw new IllegalArgumentException("not a valid NHS number");
        }
    }

    /** Digits only, or null when the text is not ten digits once spaces and dashes are removed. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String d = text.replaceAll("[\\s\\-]", "");
        return d.matches("\\d{10}") ? d : null;
    }

    /** Parses "943 476 5919", "943-476-5919" or "9434765919"; empty when not ten digits or the check fails. */
    public static Optional<NhsNumber> parse(String text) {
        String d = normalise(text);
        return d != null && hasValidCheckDigit(d) ? Optional.of(new NhsNumber(d)) : Optional.empty();
    }

    /** True when the ten digits carry a correct modulus-11 check digit (a remainder giving 10 is never valid). */
    public static boolean hasValidCheckDigit(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10) {
            return false;
        }
        return check == digits.charAt(9) - '0';
    }

    /** The usual 3-3-4 grouping, e.g. "943 476 5919". */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
