package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.ImageOps;

/**
 * How the analysis reads a page's text outside its labels, once for both of its uses: identifiers printed
 * anywhere else on the page (a letter's "Re:" line, a second patient's label printed without a box, a label the
 * locator could not find) and the PDF's text layer. The page, its labels left out, is read laid out as a page,
 * the recipe of the text layer ({@link PageTextReader}), which then takes this reading as it is (ADR 0015). For identifiers that reading is not enough on its own: Tesseract's page
 * layout leaves out small blocks it takes for pictures (a second label in a corner), reads broken print with
 * low confidence and can read a digit wrongly with confidence. So every place the layout reading did not
 * account for ({@link InkOutsideWords}: ink outside its legible words, and every word with a digit) is looked
 * at again as sparse text ({@link PageTextImage}: smoothed, thresholded, Tesseract sparse text), the reading
 * that finds identifiers anywhere. When the layout reading read little of the page, or left more than
 * {@link #WHOLE_PAGE_SHARE} of it unaccounted for (a noisy grey scan its layout analysis cannot cut into
 * lines), the whole page is read sparse as well. Thread-safe when its engines are.
 */
public final class PageTextLook {

    /** A layout reading with fewer legible letters and digits than this read too little to stand on. */
    public static final int MIN_LEGIBLE_CHARACTERS = 20;
    /** No patient label or barcode is smaller than this on its longer side (millimetres). */
    static final double SMALLEST_LABEL_MM = 10;
    /** Unaccounted places covering more than this share of the page: the whole page is read sparse. */
    static final double WHOLE_PAGE_SHARE = 0.3;

    /**
     * What was read.
     *
     * @param layout            the page laid out as a page (the text layer's reading), in the page's pixels, with
     *                          what was left out of it
     * @param sparse            the sparse looks: at each unaccounted place, or at the whole page
     * @param wholePageSparse   whether the whole page was read sparse
     * @param legibleCharacters letters and digits read legibly, by the reading that read most
     * @param largestUnreadMm   the longer side of the largest piece of print the layout reading did not account
     *                          for, millimetres
     */
    public record Reading(LaidOutText layout, List<OcrText> sparse, boolean wholePageSparse, int legibleCharacters,
                          double largestUnreadMm) {

        /**
         * Whether print the layout reading could not read is large enough to be a label or a barcode lying across
         * the page (a box's rules, a barcode's bars and text turned a quarter are never legible words): when not,
         * every label-sized piece of ink on the page was read as text the right way up.
         */
        public boolean mayHideALabelAcross() {
            return wholePageSparse || largestUnreadMm >= SMALLEST_LABEL_MM;
        }

        /** Every text read: the layout reading first, then each sparse look. */
        public List<OcrText> texts() {
            List<OcrText> all = new ArrayList<>(sparse.size() + 1);
            all.add(layout.text());
            all.addAll(sparse);
            return all;
        }
    }

    private final OcrEngine layout;
    private final OcrEngine sparse;

    /**
     * @param layout an engine laying out a whole page ({@link TesseractOcrEngine.Layout#PAGE}), the text layer's
     * @param sparse an engine reading sparse text ({@link TesseractOcrEngine.Layout#SPARSE})
     */
    public PageTextLook(OcrEngine layout, OcrEngine sparse) {
        this.layout = layout;
        this.sparse = sparse;
    }

    /**
     * @param upright  the page turned upright and straightened, 8-bit grey
     * @param dpi      its resolution
     * @param bilevel  whether it was scanned bilevel
     * @param leaveOut areas whose text was read otherwise (labels read from their crops): no reading sees them
     */
    public Reading read(BufferedImage upright, int dpi, boolean bilevel, List<Rectangle> leaveOut)
            throws OcrException {
        OcrText laidOut = PageTextReader.read(layout, upright, dpi, leaveOut);
        int legible = PageTextImage.legibleCharacters(laidOut);
        InkOutsideWords.Unaccounted left = InkOutsideWords.find(upright, dpi, laidOut.words(), leaveOut);
        LaidOutText made = new LaidOutText(laidOut, leaveOut);
        if (left.isEmpty() && legible >= MIN_LEGIBLE_CHARACTERS) {
            return new Reading(made, List.of(), false, legible, left.largestMm());
        }
        // the labels' areas painted out only when something is to be looked at again
        BufferedImage rest = leaveOut.isEmpty() ? upright : paintedWhite(upright, leaveOut);
        if (legible < MIN_LEGIBLE_CHARACTERS || left.share() > WHOLE_PAGE_SHARE) {
            OcrText whole = readSparse(rest, dpi, bilevel);
            return new Reading(made, List.of(whole), true,
                    Math.max(legible, PageTextImage.legibleCharacters(whole)), left.largestMm());
        }
        List<OcrText> looks = new ArrayList<>(left.places().size());
        for (Rectangle place : left.places()) {
            looks.add(sparse.recognise(PageTextImage.forOcr(crop(rest, place, dpi), bilevel), null));
        }
        return new Reading(made, List.copyOf(looks), false, legible, left.largestMm());
    }

    /**
     * The whole page read as sparse text: from 250 dpi at half resolution (letter text stays legible to
     * Tesseract at 150 dpi and reads 3-4x faster), again at full resolution when that gave fewer than
     * {@link #MIN_LEGIBLE_CHARACTERS} legible characters (small print, or a resolution the file stated wrongly).
     */
    public OcrText readSparse(BufferedImage upright, int dpi, boolean bilevel) throws OcrException {
        int factor = dpi >= 250 ? 2 : 1;
        OcrText text = sparse.recognise(PageTextImage.forOcr(ImageOps.downscale(upright, factor), bilevel), null);
        if (factor > 1 && PageTextImage.legibleCharacters(text) < MIN_LEGIBLE_CHARACTERS) {
            text = sparse.recognise(PageTextImage.forOcr(upright, bilevel), null);
        }
        return text;
    }

    /** A grey copy of the page with the areas painted white. */
    static BufferedImage paintedWhite(BufferedImage grey, List<Rectangle> areas) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(grey, 0, 0, null);
            g.setColor(java.awt.Color.WHITE);
            for (Rectangle r : areas) {
                g.fillRect(r.x, r.y, r.width, r.height);
            }
        } finally {
            g.dispose();
        }
        return copy;
    }

    /**
     * A copy of a rectangle of the page (8-bit grey, its own pixels) on paper at least half an inch tall and an inch
     * wide (on smaller pieces Leptonica writes errors about boxes outside the image to the console).
     */
    private static BufferedImage crop(BufferedImage grey, Rectangle r, int dpi) {
        int res = dpi > 0 ? dpi : 300;
        int w = Math.max(r.width, res);
        int h = Math.max(r.height, res / 2);
        int dx = (w - r.width) / 2;
        int dy = (h - r.height) / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.image.Raster piece = ImageOps.toGrey(grey).getRaster().createChild(r.x, r.y, r.width, r.height, 0, 0,
                null);
        if (dx > 0 || dy > 0) {
            // the margin the colour of the piece's own paper (its median), so that the smoothing and threshold
            // that follow see the same paper they would on the page
            int[] hist = new int[256];
            int[] row = new int[r.width];
            for (int y = 0; y < r.height; y++) {
                piece.getSamples(0, y, r.width, 1, 0, row);
                for (int v : row) {
                    hist[v]++;
                }
            }
            int paper = ImageOps.percentile(hist, r.width * r.height, 0.5);
            java.util.Arrays.fill(((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData(),
                    (byte) paper);
        }
        out.getRaster().setRect(dx, dy, piece);
        return out;
    }
}
