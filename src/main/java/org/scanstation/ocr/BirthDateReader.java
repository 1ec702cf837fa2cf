package org.scanstation.ocr;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date of birth printed after a keyword ("DOB", "D.O.B.", "Date of Birth", "Born", "Birth
 * Date"). Accepted forms: 04/09/1964, 04-09-1964, 04.09.1964 (UK order: day first), 1964-09-04 (ISO),
 * 04-Sep-1964, 4 Sep 1964, 4 September 1964, and two-digit years (04/09/64) only when exactly one
 * century gives a plausible date of birth. Anything else, impossible dates and dates in the future
 * give null: a date is never guessed.
 */
final class BirthDateReader {

    /** Oldest plausible age, in years, when choosing the century of a two-digit year. */
    static final int MAX_AGE_YEARS = 115;

    private static final Pattern KEYWORD = Pattern.compile(
            "\\b(?:D\\.?\\s?[O0]\\.?\\s?B\\b\\.?|Date\\s+of\\s+Birth|Birth\\s*Date|Born)\\s*[:.;]?",
            Pattern.CASE_INSENSITIVE);
    private static final String DIGIT = "[0-9OoIl]";
    private static final Pattern NUMERIC = Pattern.compile(
            "^(" + DIGIT + "{1,2})\\s?([/.\\-])\\s?(" + DIGIT + "{1,2})\\s?\\2\\s?(" + DIGIT + "{4}|" + DIGIT + "{2})(?![0-9])");
    private static final Pattern ISO = Pattern.compile("^(" + DIGIT + "{4})-(" + DIGIT + "{2})-(" + DIGIT + "{2})(?![0-9])");
    private static final Pattern TEXT_MONTH = Pattern.compile(
            "^(" + DIGIT + "{1,2})(?:st|nd|rd|th)?[\\s\\-/.]{0,2}([A-Za-z]{3,9})\\.?[\\s\\-/.,]{0,2}(" + DIGIT + "{4}|" + DIGIT + "{2})(?![0-9])");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12), Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3),
            Map.entry("april", 4), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12));

    private final LocalDate today;

    BirthDateReader(LocalDate today) {
        this.today = today;
    }

    /** The date after a date-of-birth keyword; null when none, or when two different dates are printed. */
    LocalDate read(String text) {
        java.util.Set<LocalDate> found = new java.util.LinkedHashSet<>();
        Matcher m = KEYWORD.matcher(text);
        while (m.find()) {
            String rest = text.substring(m.end()).lines().findFirst().orElse("").strip();
            LocalDate date = parseDate(rest);
            if (date != null) {
                found.add(date);
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The date at the start of the text, or null. */
    LocalDate parseDate(String s) {
        Matcher iso = ISO.matcher(s);
        if (iso.find()) {
            return plausible(date(num(iso.group(1)), num(iso.group(2)), num(iso.group(3))));
        }
        Matcher numeric = NUMERIC.matcher(s);
        if (numeric.find()) {
            return withYear(numeric.group(4), num(numeric.group(3)), num(numeric.group(1)));
        }
        Matcher text = TEXT_MONTH.matcher(s);
        if (text.find()) {
            Integer month = MONTHS.get(text.group(2).toLowerCase(Locale.ROOT));
            return month == null ? null : withYear(text.group(3), month, num(text.group(1)));
        }
        return null;
    }

    private LocalDate withYear(String year, int month, int day) {
        int y = num(year);
        if (year.length() == 4) {
            return plausible(date(y, month, day));
        }
        LocalDate earlier = plausible(date(1900 + y, month, day));
        LocalDate later = plausible(date(2000 + y, month, day));
        if (earlier != null && later != null) {
            return null;
        }
        return earlier != null ? earlier : later;
    }

    private LocalDate plausible(LocalDate d) {
        if (d == null || d.isAfter(today) || d.isBefore(today.minusYears(MAX_AGE_YEARS))) {
            return null;
        }
        return d;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'o' -> '0';
                case 'I', 'l' -> '1';
                default -> c;
            });
        }
        return Integer.parseInt(b.toString());
    }
}
