package org.scanstation.pdf;

/**
 * How {@link PdfaDocumentWriter} encodes pages.
 *
 * @param jpegQuality        JPEG quality for grey/colour pages, 0.5..1.0; 0.75 keeps 8-point print at
 *                           300 dpi legible while the file stays small
 * @param requireTextLayer   true: a page without OCR text ({@link PdfPage#text()} null) is an error and
 *                           nothing is written; false: such pages are written as images only
 */
public record PdfWriterOptions(float jpegQuality, boolean requireTextLayer) {

    public static final float DEFAULT_JPEG_QUALITY = 0.75f;
    /** No page is compressed below this JPEG quality, whatever its source was. */
    public static final float MIN_JPEG_QUALITY = 0.5f;

    public PdfWriterOptions {
        if (jpegQuality < MIN_JPEG_QUALITY || jpegQuality > 1.0f) {
            throw new IllegalArgumentException("JPEG quality must be between 0.5 and 1.0: " + jpegQuality);
        }
    }

    /** JPEG quality 0.75, every page must carry OCR text. */
    public static PdfWriterOptions defaults() {
        return new PdfWriterOptions(DEFAULT_JPEG_QUALITY, true);
    }

    public PdfWriterOptions withJpegQuality(float quality) {
        return new PdfWriterOptions(quality, requireTextLayer);
    }

    public PdfWriterOptions withRequireTextLayer(boolean require) {
        return new PdfWriterOptions(jpegQuality, require);
    }
}
