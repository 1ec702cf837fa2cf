package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.Components;
import org.scanstation.image.ImageOps;

/**
 * Where a page has print that one reading of its text did not account for: ink outside every word the
 * reading read legibly. Tesseract's page layout leaves out what it takes for a picture (a small block of
 * print in a corner, a stamp, print across the page), and reads broken print with low confidence; each such place gets a second, different look before the page may be
 * called free of identifiers ({@link PageTextLook}).
 *
 * <p>The page is cut into cells of about a millimetre; a cell is inked when enough of its pixels are clearly
 * darker than the paper. Cells under a legible word (its box grown by a cell) and areas read otherwise
 * (labels) are accounted for. What is left is grouped into connected places; a place smaller than a printed character (a speck of
 * dust or noise) is dropped, the rest are returned as rectangles grown by a margin, overlapping ones merged.
 */
public final class InkOutsideWords {

    /** Words read at least this confidently (0..100) account for their ink. */
    static final float ACCOUNTED_CONFIDENCE = PageTextImage.LEGIBLE_CONFIDENCE;
    /**
     * A place of unaccounted ink is kept from this size (millimetres, its longer side, counted in whole cells) on:
     * three characters of print, the least of any identifier; a speck of dust or a lone character is dropped.
     */
    static final double MIN_PLACE_MM = 3.0;
    /** More places than this: the page as a whole is unaccounted for. */
    static final int MAX_PLACES = 200;
    /** Margin around each place, millimetres: Tesseract needs paper around print to read it. */
    static final double MARGIN_MM = 2.5;

    /**
     * The places in {@code grey}'s pixels, with their share of the page's area.
     *
     * @param places rectangles of print no legible word accounts for, merged where they overlap
     * @param share  their total area as a share of the page (0..1)
     * @param largestMm the longer side of the largest connected piece of such print, millimetres (0: none)
     */
    public record Unaccounted(List<Rectangle> places, double share, double largestMm) {
        public boolean isEmpty() {
            return places.isEmpty();
        }
    }

    private InkOutsideWords() {
    }

    /**
     * @param grey  the page as it was read (8-bit grey, any size)
     * @param dpi   its resolution (0 or less: taken as 300)
     * @param words the words read, their boxes in {@code grey}'s pixels
     * @param readOtherwise areas whose text was read another way (labels), in {@code grey}'s pixels
     */
    public static Unaccounted find(BufferedImage grey, int dpi, List<OcrWord> words, List<Rectangle> readOtherwise) {
        int res = dpi > 0 ? dpi : 300;
        int cell = Math.max(2, (int) Math.round(res / 25.4));
        int w = grey.getWidth();
        int h = grey.getHeight();
        int cw = (w + cell - 1) / cell;
        int ch = (h + cell - 1) / cell;
        boolean[] ink = inkedCells(grey, cell, cw, ch);
        for (OcrWord word : words) {
            if (accountsForItsInk(word)) {
                clear(ink, cw, ch, cell, word.box(), 1);
            }
        }
        for (Rectangle r : readOtherwise) {
            clear(ink, cw, ch, cell, r, 0);
        }
        int minCells = (int) Math.ceil(MIN_PLACE_MM * res / 25.4 / cell);
        int margin = (int) Math.round(MARGIN_MM * res / 25.4);
        List<Rectangle> places = new ArrayList<>();
        int largest = 0;
        for (Components.Blob c : Components.of(ink, cw, ch)) {
            int longer = Math.max(c.width(), c.height());
            if (longer < minCells) {
                continue;
            }
            largest = Math.max(largest, longer);
            Rectangle px = new Rectangle(c.minX() * cell - margin, c.minY() * cell - margin,
                    c.width() * cell + 2 * margin, c.height() * cell + 2 * margin).intersection(new Rectangle(0, 0, w, h));
            if (!px.isEmpty()) {
                places.add(px);
            }
        }
        if (places.size() > MAX_PLACES) {
            // print all over the page that the reading did not account for: the whole page is the place
            return new Unaccounted(List.of(new Rectangle(0, 0, w, h)), 1.0, Math.max(w, h) * 25.4 / res);
        }
        List<Rectangle> merged = merged(places);
        long area = 0;
        for (Rectangle r : merged) {
            area += (long) r.width * r.height;
        }
        return new Unaccounted(List.copyOf(merged), area / (double) ((long) w * h), largest * cell * 25.4 / res);
    }

    /**
     * A word read legibly (letters or digits, at {@link #ACCOUNTED_CONFIDENCE} or more), with a box. A word read
     * confidently but wrongly is not looked at again: a second reading only adds evidence, so it could not undo a
     * misread identifier (which fails its check digit or names nobody, and is reviewed); it can only find what
     * the first reading did not read at all.
     */
    static boolean accountsForItsInk(OcrWord word) {
        return word.box() != null && word.confidence() >= ACCOUNTED_CONFIDENCE
                && word.text().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Cells under {@code r} (grown by {@code grow} cells) marked accounted for. */
    private static void clear(boolean[] ink, int cw, int ch, int cell, Rectangle r, int grow) {
        int x0 = Math.max(0, Math.floorDiv(r.x, cell) - grow);
        int y0 = Math.max(0, Math.floorDiv(r.y, cell) - grow);
        int x1 = Math.min(cw - 1, Math.floorDiv(r.x + r.width - 1, cell) + grow);
        int y1 = Math.min(ch - 1, Math.floorDiv(r.y + r.height - 1, cell) + grow);
        for (int y = y0; y <= y1; y++) {
            if (x0 <= x1) {
                java.util.Arrays.fill(ink, y * cw + x0, y * cw + x1 + 1, false);
            }
        }
    }

    /**
     * Cells with enough ink: pixels below {@link PageTextImage#inkThreshold} (as the sparse reading cuts ink from
     * paper), at least a tenth of the cell (a stroke crossing it;
     * sensor noise leaves single pixels).
     */
    private static boolean[] inkedCells(BufferedImage page, int cell, int cw, int ch) {
        BufferedImage grey = ImageOps.toGrey(page);
        byte[] px = LabelImageVariants.pixels(grey);
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] hist = new int[256];
        for (int i = 0; i < px.length; i += 7) {
            hist[px[i] & 0xff]++;
        }
        int sampled = (px.length + 6) / 7;
        int threshold = hist[0] + hist[255] == sampled ? 128 : PageTextImage.inkThreshold(hist, sampled);
        int[] counts = new int[cw * ch];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int crow = (y / cell) * cw;
            for (int x = 0; x < w; x++) {
                if ((px[row + x] & 0xff) < threshold) {
                    counts[crow + x / cell]++;
                }
            }
        }
        int min = Math.max(2, cell * cell / 10);
        boolean[] ink = new boolean[cw * ch];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = counts[i] >= min;
        }
        return ink;
    }

    /** Rectangles merged until none overlaps another. */
    static List<Rectangle> merged(List<Rectangle> rects) {
        List<Rectangle> out = new ArrayList<>(rects);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < out.size(); i++) {
                for (int j = i + 1; j < out.size(); j++) {
                    if (out.get(i).intersects(out.get(j))) {
                        out.set(i, out.get(i).union(out.get(j)));
                        out.remove(j);
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return out;
    }
}
