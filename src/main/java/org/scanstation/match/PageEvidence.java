package org.scanstation.match;

import java.util.List;
import org.scanstation.ocr.LabelReading;

/**
 * Everything read on one page that says who it belongs to.
 *
 * @param identifiers      identifiers from barcodes and printed labels, as read
 * @param labels           what label OCR read, one per label found
 * @param unreadableBarcodes barcode-like marks on the page that could not be decoded
 */
public record PageEvidence(List<IdentifierRead> identifiers, List<LabelReading> labels, int unreadableBarcodes) {

    public static PageEvidence none() {
        return new PageEvidence(List.of(), List.of(), 0);
    }

    /** True when nothing on the page says who it belongs to: a continuation page. */
    public boolean isSilent() {
        return identifiers.isEmpty() && labels.isEmpty() && unreadableBarcodes == 0;
    }
}
