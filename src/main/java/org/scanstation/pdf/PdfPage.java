package org.scanstation.pdf;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.scanstation.ocr.OcrText;

/**
 * One page to put into a PDF: the page image as it must appear (already turned upright and
 * deskewed), its resolution, and the words OCR found on it.
 *
 * @param image   the upright, deskewed page image
 * @param dpi     resolution of the image; the PDF page measures {@code width / dpi} by {@code height / dpi} inches
 * @param bilevel true when the scan was black and white (1-bit): the page is stored as CCITT G4 and stays
 *                bilevel; false stores grey/colour as JPEG
 * @param text    full-page OCR of {@code image}, word boxes in its pixel coordinates; {@code null} when
 *                OCR did not run or failed (the writer then refuses the page unless told to allow it)
 */
public record PdfPage(BufferedImage image, int dpi, boolean bilevel, OcrText text) {

    public PdfPage {
        Objects.requireNonNull(image, "image");
        if (dpi < 10 || dpi > 2400) {
            throw new IllegalArgumentException("page resolution out of range (10..2400 dpi): " + dpi);
        }
    }

    /** Page width in PDF points (1/72 inch). */
    public float widthPoints() {
        return image.getWidth() * 72f / dpi;
    }

    /** Page height in PDF points (1/72 inch). */
    public float heightPoints() {
        return image.getHeight() * 72f / dpi;
    }
}
