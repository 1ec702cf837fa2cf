package org.scanstation.ocr;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.scanstation.image.ImageOps;

/**
 * Prepares a whole page for reading its text (a letter's "Re:" line, a label the locator could not find).
 * A grey scan with sensor noise and uneven light defeats Tesseract's page layout analysis (it finds no
 * text at all on a 200-dpi noisy page a person reads easily), so the page is smoothed (3x3 mean) and cut
 * into ink and paper: ink is darker than the paper by an eighth of its level or four times its grain,
 * whichever is more. A bilevel scan is read as it is. Also measures how legible a reading was.
 */
public final class PageTextImage {

    /** A word counts as legible text from this OCR confidence (0..100) on. */
    static final float LEGIBLE_CONFIDENCE = 60;

    private PageTextImage() {
    }

    /**
     * The page as Tesseract reads it best: grey scans smoothed and thresholded; bilevel scans as they are
     * (also once turned and deskewed, when interpolation has made their stroke edges grey: thresholding
     * near the paper would thicken them until digits close up, 9 into 5).
     *
     * @param bilevelScan whether the page was scanned bilevel
     */
    public static BufferedImage forOcr(BufferedImage grey, boolean bilevelScan) {
        return bilevelScan ? grey : forOcr(grey);
    }

    /** A grey page smoothed and thresholded; a page that is only black and white as it is. */
    public static BufferedImage forOcr(BufferedImage grey) {
        if (grey.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected an 8-bit grey page");
        }
        byte[] src = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        int[] hist = org.scanstation.image.GreyLevels.of(src);
        if (hist[0] + hist[255] == src.length) {
            return grey;
        }
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] p = LabelImageVariants.pixels(out);
        System.arraycopy(src, 0, p, 0, p.length);
        LabelImageVariants.boxBlur(p, out.getWidth(), out.getHeight(), 1);
        hist = org.scanstation.image.GreyLevels.of(p);
        LabelImageVariants.threshold(p, inkThreshold(hist, p.length));
        return out;
    }

    /**
     * The grey level below which a pixel is ink: darker than the paper (the median) by an eighth of its level or
     * four times its grain (the spread of the brighter quarter), whichever is more.
     */
    static int inkThreshold(int[] hist, int total) {
        int paper = ImageOps.percentile(hist, total, 0.5);
        int grain = Math.max(0, ImageOps.percentile(hist, total, 0.75) - paper);
        return paper - Math.max(Math.round(paper / 8f), 4 * grain);
    }

    /** Letters and digits in words read with at least {@link #LEGIBLE_CONFIDENCE}: how much of the page was legible. */
    public static int legibleCharacters(OcrText text) {
        int n = 0;
        for (OcrWord w : text.words()) {
            if (w.confidence() >= LEGIBLE_CONFIDENCE) {
                n += w.text().replaceAll("[^\\p{Alnum}]", "").length();
            }
        }
        return n;
    }
}
