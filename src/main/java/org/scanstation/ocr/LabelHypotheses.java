package org.scanstation.ocr;

import java.awt.Rectangle;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Everything several looks at one label read, field by field, with how many looks read each value: the
 * hypotheses among which the NHS number's check digit and the patient index choose (see ADR 0013).
 * Family names are kept upper-case and given names with one capital, so that one name read in two cases
 * is one value. Filled by one reader, then only read.
 */
public final class LabelHypotheses {

    private final Rectangle region;
    private int looks;
    private final Votes<String> nhsDigits = new Votes<>();
    private final Votes<String> mrn = new Votes<>();
    private final Votes<LocalDate> dateOfBirth = new Votes<>();
    private final Votes<String> familyName = new Votes<>();
    private final Votes<String> givenName = new Votes<>();

    /** @param region where the label is, upright page pixels (the same as its first reading's) */
    public LabelHypotheses(Rectangle region) {
        this.region = region == null ? null : new Rectangle(region);
    }

    /** Counts every field one look read. */
    public LabelHypotheses add(LabelReading look) {
        looks++;
        nhsDigits.add(look.nhsDigits());
        mrn.add(look.mrn());
        dateOfBirth.add(look.dateOfBirth());
        familyName.add(family(look.familyName()));
        givenName.add(given(look.givenName()));
        return this;
    }

    /** Counts an NHS number read by a pass that looked at that field only. */
    public void addNhsDigits(String digits) {
        nhsDigits.add(digits);
    }

    /** Counts a date of birth read by a pass that looked at that field only. */
    public void addDateOfBirth(LocalDate date) {
        dateOfBirth.add(date);
    }

    public Rectangle region() {
        return region == null ? null : new Rectangle(region);
    }

    public int looks() {
        return looks;
    }

    public Votes<String> nhsDigits() {
        return nhsDigits;
    }

    public Votes<String> mrn() {
        return mrn;
    }

    public Votes<LocalDate> dateOfBirth() {
        return dateOfBirth;
    }

    public Votes<String> familyName() {
        return familyName;
    }

    public Votes<String> givenName() {
        return givenName;
    }

    static String family(String name) {
        return name == null ? null : name.toUpperCase(Locale.ROOT);
    }

    static String given(String name) {
        if (name == null || name.isEmpty()) {
            return null;
        }
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return looks + " looks: NHS " + nhsDigits + ", MRN " + mrn + ", DOB " + dateOfBirth
                + ", family " + familyName + ", given " + givenName;
    }
}
