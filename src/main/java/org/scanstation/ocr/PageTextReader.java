package org.scanstation.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.ImageOps;

/**
 * How the station reads the whole text of an upright page for the PDF's invisible text layer: scans of 250 dpi
 * or more are read at half their resolution (Tesseract scales every text line to the same height anyway; on
 * public-01 the text layer keeps 99.8% of the words it has at full resolution for two thirds of the CPU,
 * ADR 0015); low-contrast pages go to the engine black-and-white relative to their paper ({@link OcrBinarizer});
 * the engine lays out a whole page (Tesseract page segmentation mode 3: the analysis' sparse reading, made to
 * find identifiers anywhere, breaks a letter's lines up and keeps a tenth fewer of its words). Areas whose text
 * was read otherwise (labels) can be left out. Word boxes come back in the pixels of the page given.
 */
public final class PageTextReader {

    /** Scans at or above this resolution are read at half of it. */
    static final int HALF_RESOLUTION_FROM_DPI = 250;

    private PageTextReader() {
    }

    /** By how much the page is shrunk before it is read: 2 at 250 dpi and above, else 1. */
    public static int downscaleFactor(int dpi) {
        return dpi >= HALF_RESOLUTION_FROM_DPI ? 2 : 1;
    }

    /**
     * @param engine a thread-safe engine laying out a whole page ({@link TesseractOcrEngine.Layout#PAGE})
     * @param upright the page turned upright and straightened, any pixel format
     * @param dpi     its resolution; 0 or less when unknown (the page is then read as it is)
     */
    public static OcrText read(OcrEngine engine, BufferedImage upright, int dpi) throws OcrException {
        return read(engine, upright, dpi, List.of());
    }

    /**
     * As {@link #read(OcrEngine, BufferedImage, int)}, leaving out areas whose text was read otherwise (they are
     * painted over with the paper's grey in the image the engine sees).
     *
     * @param leaveOut areas in {@code upright}'s pixels
     */
    public static OcrText read(OcrEngine engine, BufferedImage upright, int dpi, List<Rectangle> leaveOut)
            throws OcrException {
        int factor = downscaleFactor(dpi);
        BufferedImage input = ImageOps.downscale(upright, factor);
        if (!leaveOut.isEmpty()) {
            // before the contrast check: without a label's barcode, the print left may be too faint for Tesseract's threshold
            input = blanked(input == upright ? copy(input) : input, leaveOut, factor);
        }
        input = OcrBinarizer.prepare(input);
        OcrText text = engine.recognise(input, null);
        return scaledUp(text, factor);
    }

    private static BufferedImage copy(BufferedImage grey) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.setData(grey.getRaster());
        return out;
    }

    /**
     * The areas painted the page's paper grey (its median level), not white: a large white patch on grey paper
     * would draw Tesseract's global threshold between patch and paper, and the print would be lost.
     */
    private static BufferedImage blanked(BufferedImage grey, List<Rectangle> areas, int factor) {
        int paper = OcrBinarizer.paperLevel(grey);
        Graphics2D g = grey.createGraphics();
        try {
            g.setColor(new Color(paper, paper, paper));
            for (Rectangle a : areas) {
                int x0 = Math.floorDiv(a.x, factor);
                int y0 = Math.floorDiv(a.y, factor);
                int x1 = Math.floorDiv(a.x + a.width + factor - 1, factor);
                int y1 = Math.floorDiv(a.y + a.height + factor - 1, factor);
                g.fillRect(x0, y0, x1 - x0, y1 - y0);
            }
        } finally {
            g.dispose();
        }
        return grey;
    }

    /** {@code text} read from a page shrunk by {@code factor}, its word boxes in the full page's pixels. */
    public static OcrText scaledUp(OcrText text, int factor) {
        if (factor == 1) {
            return text;
        }
        List<OcrWord> words = new ArrayList<>(text.words().size());
        for (OcrWord w : text.words()) {
            Rectangle b = w.box();
            words.add(new OcrWord(w.text(), w.confidence(),
                    b == null ? null : new Rectangle(b.x * factor, b.y * factor, b.width * factor, b.height * factor)));
        }
        return new OcrText(text.text(), List.copyOf(words), text.meanConfidence());
    }
}
