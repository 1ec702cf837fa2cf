package org.scanstation.intake;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.barcode.Barcode;
import org.scanstation.model.NhsNumber;
import org.scanstation.ocr.LabelReading;
import org.scanstation.pipeline.PageAnalysis;

/**
 * The NHS number to show a reviewer for a held document: its patient's, or when the index has nobody,
 * the first NHS number with a valid check digit read on its pages' labels or barcodes (so the reviewer
 * sees "read but not in the patient index" rather than nothing).
 */
final class NhsNumberRead {

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<!\\d)\\d{10}(?!\\d)");

    private NhsNumberRead() {
    }

    static String of(List<PageAnalysis> pages) {
        for (PageAnalysis a : pages) {
            if (a.patient() != null) {
                return a.patient().nhsNumber().digits();
            }
        }
        for (PageAnalysis a : pages) {
            String read = readOn(a);
            if (read != null) {
                return read;
            }
        }
        return null;
    }

    private static String readOn(PageAnalysis a) {
        for (LabelReading l : a.labels()) {
            if (NhsNumber.hasValidCheckDigit(l.nhsDigits())) {
                return l.nhsDigits();
            }
        }
        for (Barcode b : a.barcodes()) {
            Matcher m = TEN_DIGITS.matcher(b.text());
            while (m.find()) {
                if (NhsNumber.hasValidCheckDigit(m.group())) {
                    return m.group();
                }
            }
        }
        return null;
    }
}
