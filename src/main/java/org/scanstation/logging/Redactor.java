package org.scanstation.logging;

import java.util.regex.Pattern;

/**
 * Masks patient identifiers in log text, as a second line of defence: the station's code never logs
 * patient data (names, NHS numbers, hospital numbers, dates of birth, label text), but an exception
 * message from a library might quote a file name or a value that contains one.
 *
 * <p>Masked: 10-digit numbers written as NHS numbers are ({@code 9434765919}, {@code 943 476 5919},
 * {@code 943-476-5919}), hospital numbers (by default one capital letter and 7 digits, or the trust's own
 * pattern), and dates written day/month/year.
 */
public final class Redactor {

    /** The default hospital number pattern: one capital letter, 7 digits (as in the station's defaults). */
    public static final String DEFAULT_HOSPITAL_NUMBER = "[A-Z][0-9]{7}";

    private static final Pattern NHS_NUMBER = Pattern.compile("(?<![0-9])[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])");
    private static final Pattern DATE = Pattern.compile("(?<![0-9])[0-3]?[0-9][/.-][01]?[0-9][/.-](?:19|20)[0-9]{2}(?![0-9])");

    private final Pattern hospitalNumber;

    /** A redactor for the given hospital number pattern (a regular expression matching one number). */
    public Redactor(String hospitalNumberPattern) {
        String p = hospitalNumberPattern == null || hospitalNumberPattern.isBlank()
                ? DEFAULT_HOSPITAL_NUMBER : hospitalNumberPattern;
        this.hospitalNumber = Pattern.compile("(?<![A-Za-z0-9])(?:" + p + ")(?![A-Za-z0-9])");
    }

    public static Redactor withDefaults() {
        return new Redactor(DEFAULT_HOSPITAL_NUMBER);
    }

    /** The text with every identifier replaced by a placeholder saying what was there. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = NHS_NUMBER.matcher(text).replaceAll("[nhs-number]");
        s = DATE.matcher(s).replaceAll("[date]");
        return hospitalNumber.matcher(s).replaceAll("[hospital-number]");
    }
}
