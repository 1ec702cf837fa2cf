package org.scanstation.ocr;

import java.awt.Rectangle;
import java.time.LocalDate;

/**
 * What OCR read from one patient label. Any field may be null when it was not found or not legible.
 *
 * @param region     where the label is, in upright page coordinates; null for what was read in the page text outside any label
 * @param nhsDigits  the ten digits printed as NHS number, as read (the check digit may be wrong)
 * @param mrn        the hospital number as read
 * @param confidence mean OCR confidence of the label, 0..100
 */
public record LabelReading(Rectangle region, String rawText, String familyName, String givenName,
                           LocalDate dateOfBirth, String nhsDigits, String mrn, float confidence) {

    public boolean hasIdentifier() {
        return nhsDigits != null || mrn != null;
    }

    public boolean hasDemographics() {
        return familyName != null || dateOfBirth != null;
    }

    /** Whether the label's own text was read from its crop (it has a place and some text). */
    public boolean readFromItsCrop() {
        return region != null && rawText != null && !rawText.isBlank();
    }

    /**
     * The area of the page this reading accounts for: the label's region and the millimetre around it that the
     * label reader cuts with it. The rest of the page is read without it (its text was read here).
     */
    public Rectangle readArea(int dpi) {
        Rectangle r = new Rectangle(region);
        int mm = Math.max(2, (int) Math.round(dpi / 25.4));
        r.grow(mm, mm);
        return r;
    }
}
