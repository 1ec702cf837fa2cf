package org.scanstation.ocr;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Identifiers printed anywhere in a page's text, outside any label: a letter's "Re:" line, a form's
 * header, a label printed without a box. Unlike a label, a page may name several people, so every
 * distinct value is kept: the match policy decides what several of them mean. Page OCR reads sparse text
 * as blocks, so a value often comes on the line after its keyword ("NHS No." then "999-793-2099"): a
 * keyword that has no value on its own line is read with the next line.
 *
 * @param nhsDigits   ten-digit numbers printed as NHS numbers (after an NHS keyword, or grouped 3-3-4 by spaces or dashes)
 * @param mrns        hospital numbers printed after a hospital-number keyword
 * @param birthDates  dates printed after a date-of-birth keyword
 */
public record PageTextIdentifiers(Set<String> nhsDigits, Set<String> mrns, Set<LocalDate> birthDates) {

    /** Ten digits grouped 3-3-4 by spaces or by dashes, the two ways an NHS number is printed. */
    private static final Pattern GROUPED_334 =
            Pattern.compile("(?<![0-9-])([0-9]{3})([ -])([0-9]{3})\\2([0-9]{4})(?![0-9]|-[0-9])");

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
        List<String> lines = (text == null ? "" : text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // the keyword's value on the next line, when its own line has none
            String withNext = i + 1 < lines.size() ? line + " " + lines.get(i + 1) : line;
            String n = NhsDigitsReader.read(line);
            if (n == null) {
                n = NhsDigitsReader.read(withNext);
            }
            if (n != null) {
                nhs.add(n);
            }
            Matcher g = GROUPED_334.matcher(line);
            while (g.find()) {
                nhs.add(g.group(1) + g.group(3) + g.group(4));
            }
            String m = mrnReader.readAfterKeyword(line);
            if (m == null) {
                m = mrnReader.readAfterKeyword(withNext);
            }
            if (m != null) {
                mrn.add(m);
            }
            LocalDate d = dobReader.read(line);
            if (d == null) {
                d = dobReader.read(withNext);
            }
            if (d != null) {
                dob.add(d);
            }
        }
        return new PageTextIdentifiers(Set.copyOf(nhs), Set.copyOf(mrn), Set.copyOf(dob));
    }
}
