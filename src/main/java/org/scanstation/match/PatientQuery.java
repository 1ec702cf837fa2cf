package org.scanstation.match;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a supervisor searches the patient index by: the start of an NHS number or of a hospital number,
 * or a name (family name first, or "Given Family", or "FAMILY, Given"; each the start of the name) with
 * or without a date of birth, or a date of birth alone.
 */
public sealed interface PatientQuery {

    /** NHS numbers starting with these digits (3 to 10 of them). */
    record NhsNumberStart(String digits) implements PatientQuery {
    }

    /** Hospital numbers starting with this text (upper case). */
    record HospitalNumberStart(String text) implements PatientQuery {
    }

    /**
     * Patients whose family name key starts with {@code family}, given name key with {@code given} (may be
     * empty), born on {@code dateOfBirth} (null: any day). Keys are {@link SearchKeys#name}.
     */
    record Name(String family, String given, LocalDate dateOfBirth) implements PatientQuery {
    }

    /** Patients born on this day. */
    record BirthDate(LocalDate dateOfBirth) implements PatientQuery {
    }

    /** Several readings of an ambiguous text ("John Smith": family name John or Smith), results merged. */
    record AnyOf(List<PatientQuery> queries) implements PatientQuery {
    }

    Pattern DATE = Pattern.compile("(\\d{4}-\\d{1,2}-\\d{1,2})|(\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{4})");

    /**
     * Reads what a person typed in the search box; empty when there is nothing to search by (blank, or
     * fewer than 3 digits of a number).
     */
    static Optional<PatientQuery> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        LocalDate dob = null;
        Matcher m = DATE.matcher(t);
        if (m.find()) {
            dob = date(m.group());
            if (dob != null) {
                t = (t.substring(0, m.start()) + " " + t.substring(m.end())).strip();
            }
        }
        if (t.isEmpty()) {
            return dob == null ? Optional.empty() : Optional.of(new BirthDate(dob));
        }
        String compact = t.replaceAll("[\\s\\-]", "");
        if (compact.matches("\\d+")) {
            return compact.length() < 3 || compact.length() > 10 ? Optional.empty()
                    : Optional.of(new NhsNumberStart(compact));
        }
        if (compact.matches("[A-Za-z]*\\d[A-Za-z0-9]*") && !t.contains(",")) {
            return Optional.of(new HospitalNumberStart(compact.toUpperCase(Locale.ROOT)));
        }
        List<PatientQuery> readings = new ArrayList<>();
        if (t.contains(",")) {
            int comma = t.indexOf(',');
            add(readings, t.substring(0, comma), t.substring(comma + 1), dob);
        } else {
            String[] words = t.split("\\s+");
            add(readings, words[0], String.join(" ", List.of(words).subList(1, words.length)), dob);
            if (words.length > 1) {
                add(readings, words[words.length - 1], String.join(" ", List.of(words).subList(0, words.length - 1)), dob);
            }
        }
        if (readings.isEmpty()) {
            return dob == null ? Optional.empty() : Optional.of(new BirthDate(dob));
        }
        return Optional.of(readings.size() == 1 ? readings.get(0) : new AnyOf(List.copyOf(readings)));
    }

    private static void add(List<PatientQuery> readings, String family, String given, LocalDate dob) {
        String f = SearchKeys.name(family);
        if (!f.isEmpty()) {
            readings.add(new Name(f, SearchKeys.name(given.strip().split("\\s+")[0]), dob));
        }
    }

    private static LocalDate date(String s) {
        for (String pattern : List.of("uuuu-M-d", "d/M/uuuu", "d.M.uuuu", "d-M-uuuu")) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException e) {
                // next form
            }
        }
        return null;
    }
}
