package org.scanstation.ocr;

import java.util.Objects;

/** Combines two OCR looks at the same label. */
final class LabelReadings {

    private LabelReadings() {
    }

    /**
     * Each field as read by whichever look read it; a field the two looks read differently is dropped
     * (null), never chosen. Raw text and confidence are the first look's.
     */
    static LabelReading combine(LabelReading first, LabelReading second) {
        return new LabelReading(first.region(), first.rawText(),
                agree(first.familyName(), second.familyName()),
                agree(first.givenName(), second.givenName()),
                agree(first.dateOfBirth(), second.dateOfBirth()),
                agree(first.nhsDigits(), second.nhsDigits()),
                agree(first.mrn(), second.mrn()),
                first.confidence());
    }

    private static <T> T agree(T a, T b) {
        if (a == null) {
            return b;
        }
        if (b == null || Objects.equals(a, b) || a instanceof String s && s.equalsIgnoreCase((String) b)) {
            return a;
        }
        return null;
    }
}
