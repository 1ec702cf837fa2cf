package org.scanstation.ocr;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Identifiers printed anywhere in a page's text, outside any label: a letter's "Re:" line, a form's
 * header. Unlike a label, a page may name several people, so every distinct value is kept: the match
 * policy decides what several of them mean.
 *
 * @param nhsDigits   ten-digit numbers printed as NHS numbers (after an NHS keyword, or grouped 3-3-4)
 * @param mrns        hospital numbers printed after a hospital-number keyword
 * @param birthDates  dates printed after a date-of-birth keyword
 */
public record PageTextIdentifiers(Set<String> nhsDigits, Set<String> mrns, Set<LocalDate> birthDates) {

    private static final Pattern GROUPED_334 = Pattern.compile("(?<![0-9])([0-9]{3}) ([0-9]{3}) ([0-9]{4})(?![0-9])");

    public boolean isEmpty() {
        return nhsDigits.isEmpty() && mrns.isEmpty() && birthDates.isEmpty();
    }

    /** Reads the identifiers of a page's OCR text, line by line. */
    public static PageTextIdentifiers read(String text, HospitalNumberFormat format, LocalDate today) {
        Set<String> nhs = new LinkedHashSet<>();
        Set<String> mrn = new LinkedHashSet<>();
        Set<LocalDate> dob = new LinkedHashSet<>();
        HospitalNumberReader mrnReader = new HospitalNumberReader(format);
        BirthDateReader dobReader = new BirthDateReader(today);
        for (String line : (text == null ? "" : text).split("\\R")) {
            String n = NhsDigitsReader.read(line);
            if (n != null) {
                nhs.add(n);
            }
            Matcher g = GROUPED_334.matcher(line);
            while (g.find()) {
                nhs.add(g.group(1) + g.group(2) + g.group(3));
            }
            String m = mrnReader.readAfterKeyword(line);
            if (m != null) {
                mrn.add(m);
            }
            LocalDate d = dobReader.read(line);
            if (d != null) {
                dob.add(d);
            }
        }
        return new PageTextIdentifiers(Set.copyOf(nhs), Set.copyOf(mrn), Set.copyOf(dob));
    }
}
