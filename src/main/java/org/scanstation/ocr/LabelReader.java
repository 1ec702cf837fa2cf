package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Locates the patient label(s) on an upright page and reads them with OCR (label regions only, never
 * the whole page). Thread-safe.
 */
public interface LabelReader {

    /**
     * @param uprightPage  the page turned upright and deskewed (greyscale)
     * @param barcodeHints where barcodes were found, in the same coordinates (labels usually carry one)
     * @return one reading per label found, top to bottom; empty when the page has no label
     */
    List<LabelReading> read(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException;

    /**
     * Harder looks at the same labels, for a page whose first reading left it short of evidence: what each
     * look read, field by field, one {@link LabelHypotheses} per label (same regions and order as
     * {@link #read}). Choosing among them is the caller's (ADR 0013). A reader with nothing more to try
     * returns an empty list.
     */
    /** The labels read, with every place that looked like a label, read or not (one location of the page). */
    default LabelsFound readAll(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException {
        return new LabelsFound(locate(uprightPage, barcodeHints), read(uprightPage, barcodeHints));
    }

    /**
     * Where labels appear to be on the page (ruled boxes of label size, text beside a barcode or bars that
     * look like one), read or not; empty when the reader cannot tell. A page that identifies nobody but
     * shows such a place may carry a label nobody could read.
     */
    default List<Rectangle> locate(BufferedImage uprightPage, List<Rectangle> barcodeHints) {
        return List.of();
    }

    default List<LabelHypotheses> reread(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException {
        return List.of();
    }
}
