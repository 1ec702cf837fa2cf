package org.scanstation.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.scanstation.ocr.OcrText;

/**
 * One page ready to go into a PDF: its image already compressed (JPEG for grey and colour, CCITT G4 for
 * bilevel) and its OCR text, as {@link PdfaDocumentWriter#encode} makes it. Pages are encoded where they are
 * made (in parallel, e.g. on the analysis worker that turned the page upright) and wait as compressed bytes, a
 * few hundred kilobytes, for the rest of their document; {@link PdfaDocumentWriter#writeEncoded} then only
 * assembles the file. Immutable.
 */
public final class EncodedPage {

    private final int widthPx;
    private final int heightPx;
    private final int dpi;
    private final boolean bilevel;
    private final byte[] data;
    private final OcrText text;

    private EncodedPage(int widthPx, int heightPx, int dpi, boolean bilevel, byte[] data, OcrText text) {
        if (dpi < 10 || dpi > 2400) {
            throw new IllegalArgumentException("page resolution out of range (10..2400 dpi): " + dpi);
        }
        this.widthPx = widthPx;
        this.heightPx = heightPx;
        this.dpi = dpi;
        this.bilevel = bilevel;
        this.data = Objects.requireNonNull(data, "data");
        this.text = text;
    }

    /** True when {@code image} has colour pixels, false when it is grey or bilevel (whatever its pixel format). */
    public static boolean hasColour(BufferedImage image) {
        return !PageImageEncoder.isGrey(image);
    }

    static EncodedPage jpeg(int widthPx, int heightPx, int dpi, byte[] jpeg, OcrText text) {
        return new EncodedPage(widthPx, heightPx, dpi, false, jpeg, text);
    }

    static EncodedPage g4(int widthPx, int heightPx, int dpi, byte[] g4, OcrText text) {
        return new EncodedPage(widthPx, heightPx, dpi, true, g4, text);
    }

    /** Full-page OCR of the image, word boxes in its pixels; null when OCR did not run. */
    public OcrText text() {
        return text;
    }

    public int dpi() {
        return dpi;
    }

    public boolean bilevel() {
        return bilevel;
    }

    /** Size of the compressed image. */
    public int imageBytes() {
        return data.length;
    }

    public float widthPoints() {
        return widthPx * 72f / dpi;
    }

    public float heightPoints() {
        return heightPx * 72f / dpi;
    }

    /** The image as an XObject of {@code doc}; the compressed data is copied as it is, never decoded. */
    PDImageXObject toImage(PDDocument doc) throws IOException {
        if (!bilevel) {
            return JPEGFactory.createFromByteArray(doc, data);
        }
        PDImageXObject image = new PDImageXObject(doc, new ByteArrayInputStream(data), COSName.CCITTFAX_DECODE,
                widthPx, heightPx, 1, PDDeviceGray.INSTANCE);
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.COLUMNS, widthPx);
        parms.setInt(COSName.ROWS, heightPx);
        parms.setInt(COSName.K, -1);
        image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
        return image;
    }
}
