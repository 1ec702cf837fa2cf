package org.scanstation.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.ocr.LabelReading;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Something the analysis read on a page, kept with the page's decision (encrypted) so that a reviewer
 * sees where it is on the page and what it said: a patient label (what OCR read in it), text read in
 * the page outside any label, or a barcode.
 *
 * @param source      {@value #LABEL}, {@value #PAGE_TEXT} or {@value #BARCODE}
 * @param region      {@code x, y, width, height}: a label's on the upright page; a barcode's on the page
 *                    as scanned (before it was turned upright); null when not located
 * @param format      a barcode's symbology, else null
 * @param text        a barcode's decoded text, else null
 * @param dateOfBirth ISO date as read, or null
 * @param nhsDigits   ten digits as read (check digit not verified), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredReading(String source, int[] region, String format, String text, String familyName,
                            String givenName, String dateOfBirth, String nhsDigits, String mrn) {

    public static final String LABEL = "label";
    public static final String PAGE_TEXT = "page-text";
    public static final String BARCODE = "barcode";

    /** Everything the analysis of {@code a} read: its labels (and page text), then its barcodes. */
    public static List<StoredReading> of(PageAnalysis a) {
        List<StoredReading> out = new ArrayList<>();
        for (LabelReading l : a.labels()) {
            out.add(new StoredReading(l.region() == null ? PAGE_TEXT : LABEL, box(l.region()), null, null,
                    l.familyName(), l.givenName(), l.dateOfBirth() == null ? null : l.dateOfBirth().toString(),
                    l.nhsDigits(), l.mrn()));
        }
        for (Barcode b : a.barcodes()) {
            out.add(new StoredReading(BARCODE, box(b.bounds()), b.format(), b.text(), null, null, null, null, null));
        }
        return out;
    }

    /** The region as a rectangle, or null. */
    public Rectangle rectangle() {
        return region == null || region.length != 4 ? null : new Rectangle(region[0], region[1], region[2], region[3]);
    }

    private static int[] box(Rectangle r) {
        return r == null ? null : new int[] {r.x, r.y, r.width, r.height};
    }
}
