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
}
