package org.scanstation.station;

import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.barcode.BarcodePayload;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;
import org.scanstation.intake.StoredReading;
import org.scanstation.model.HospitalNumberFormat;

/**
 * What the analysis read on one page, turned into what a person is shown: marks on the upright page
 * (labels where they are; barcodes mapped from the scan to the upright page) and the facts read (name,
 * date of birth, NHS number, hospital number) for comparing with a patient.
 */
final class PageReadings {

    private final List<StoredReading> readings;
    private final HospitalNumberFormat mrnFormat;

    PageReadings(List<StoredReading> readings, HospitalNumberFormat mrnFormat) {
        this.readings = List.copyOf(readings);
        this.mrnFormat = mrnFormat;
    }

    /**
     * The marks on the upright page.
     *
     * @param rawWidth   the scanned image's width (barcodes were found on it)
     * @param transforms the clean-up that makes the scan upright (as the page is shown)
     */
    List<PageMark> marks(int rawWidth, int rawHeight, List<Transform> transforms) {
        List<PageMark> marks = new ArrayList<>();
        for (StoredReading r : readings) {
            Rectangle at = r.rectangle();
            if (at == null || StoredReading.PAGE_TEXT.equals(r.source())) {
                continue;
            }
            if (StoredReading.BARCODE.equals(r.source())) {
                marks.add(new PageMark(PageMark.Kind.BARCODE, ImageOps.mapToUpright(at, rawWidth, rawHeight, transforms),
                        barcodeLines(r)));
            } else {
                marks.add(new PageMark(PageMark.Kind.LABEL, at, labelLines(r)));
            }
        }
        return marks;
    }

    /** What was read in the page's text, outside any label, one line each. */
    List<String> unplaced() {
        List<String> out = new ArrayList<>();
        for (StoredReading r : readings) {
            if (StoredReading.PAGE_TEXT.equals(r.source()) || r.rectangle() == null && !StoredReading.BARCODE.equals(r.source())) {
                List<String> lines = labelLines(r);
                if (!lines.isEmpty()) {
                    out.add("In the page text: " + String.join(" \u00b7 ", lines));
                }
            }
        }
        return out;
    }

    /** The facts read on the page, from labels, page text and barcodes alike. */
    EvidenceShown evidence() {
        EvidenceShown.Builder b = new EvidenceShown.Builder();
        for (StoredReading r : readings) {
            if (StoredReading.BARCODE.equals(r.source())) {
                BarcodePayload p = payload(r);
                p.nhsDigits().ifPresent(b::nhs);
                p.mrn().ifPresent(b::mrn);
            } else {
                b.familyName(r.familyName());
                b.givenName(r.givenName());
                b.dateOfBirth(date(r.dateOfBirth()));
                b.nhs(r.nhsDigits());
                b.mrn(r.mrn());
            }
        }
        return b.build();
    }

    private List<String> labelLines(StoredReading r) {
        List<String> lines = new ArrayList<>();
        if (r.familyName() != null || r.givenName() != null) {
            String name = r.familyName() == null ? "?" : r.familyName().toUpperCase();
            lines.add(r.givenName() == null ? name : name + ", " + r.givenName());
        }
        LocalDate dob = date(r.dateOfBirth());
        if (dob != null) {
            lines.add("born " + DayFormat.day(dob));
        }
        if (r.nhsDigits() != null) {
            lines.add("NHS " + nhs(r.nhsDigits()));
        }
        if (r.mrn() != null) {
            lines.add("hospital number " + r.mrn());
        }
        return lines;
    }

    private List<String> barcodeLines(StoredReading r) {
        List<String> lines = new ArrayList<>();
        BarcodePayload p = payload(r);
        p.nhsDigits().ifPresent(d -> lines.add("NHS " + nhs(d)));
        p.mrn().ifPresent(m -> lines.add("hospital number " + m));
        if (lines.isEmpty()) {
            lines.add(r.format() == null ? "no patient identifier" : r.format().replace('_', ' ').toLowerCase()
                    + ", no patient identifier");
        }
        return lines;
    }

    private BarcodePayload payload(StoredReading r) {
        return BarcodePayload.parse(new Barcode(r.format(), r.text(), r.rectangle()), mrnFormat);
    }

    static String nhs(String digits) {
        return digits != null && digits.matches("\\d{10}")
                ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6) : digits;
    }

    private static LocalDate date(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
