package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Tells blank pages (the empty backs of duplex sheets) from pages with anything written or printed
 * on them. A lost page is a lost part of a health record, so the rules lean to "content":
 *
 * <ul>
 *   <li>ink is what is clearly darker than the paper around it (a local paper level, so shading and
 *       faint show-through from the other side stay paper);</li>
 *   <li>marks touching the edge of the image (scanner borders), long thin lines along an edge (the
 *       shadow of the sheet's edge), round blobs of punch-hole
 *       size near an edge, specks under a millimetre and loose clusters of noise are ignored;</li>
 *   <li>anything else counts: one mark of 3 mm or more, two of 1.5 mm, or four of 1 mm make the page
 *       content (a short word, an initial, a signature, a tick);</li>
 *   <li>a page with no such mark is still not blank when its small marks and specks have the structure
 *       of writing: faint text that a scan broke into specks lies in rows ({@link SpeckRows}). Clear rows
 *       one way make it content; some structure, not clear enough, makes the verdict uncertain (a person
 *       looks), never blank. Noise, however dense, crowds as much one way as the other.</li>
 * </ul>
 * Thread-safe.
 */
public final class BlankPageDetector {

    /** Resolution the page is examined at. */
    private static final int WORK_DPI = 150;
    /** How much darker than the local paper a pixel must be to be ink (grey levels). */
    private static final int INK_CONTRAST = 50;
    private static final double SPECK_MM = 1.0;
    private static final double SMALL_MARK_MM = 1.5;
    private static final double MARK_MM = 3.0;
    private static final int MIN_SMALL_MARKS = 2;
    private static final int MIN_TINY_MARKS = 4;
    private static final double HOLE_MIN_MM = 4.0;
    private static final double HOLE_MAX_MM = 10.0;
    /** Punch holes sit within this distance of a page edge (centre), in mm. */
    private static final double HOLE_EDGE_MM = 30.0;
    private static final int BLOCK = 32;
    private static final double EDGE_SHADOW_BAND_MM = 8.0;
    private static final double EDGE_SHADOW_THICKNESS_MM = 1.5;
    private static final double EDGE_SHADOW_LENGTH_MM = 40.0;
    /** Rows of small marks (see {@link SpeckRows}) that make a page faint writing rather than blank. */
    private static final int MIN_ROWS = 3;
    /** Fewer small marks than this say nothing by how they crowd. */
    private static final int MIN_CROWDED_MARKS = 30;

    /** Whether the page is blank; {@code dpi} is the page's resolution (300 when unknown). */
    public BlankVerdict assess(BufferedImage page, int dpi) {
        int sourceDpi = dpi > 0 ? dpi : 300;
        int factor = Math.max(1, Math.round(sourceDpi / (float) WORK_DPI));
        BufferedImage small = darkestDownscale(ImageOps.toGrey(page), factor);
        double pxPerMm = sourceDpi / (double) factor / 25.4;
        int w = small.getWidth();
        int h = small.getHeight();
        byte[] px = ImageOps.pixels(small);
        int[] paper = paperLevels(px, w, h);
        int bw = (w + BLOCK - 1) / BLOCK;
        boolean[] ink = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int brow = (y / BLOCK) * bw;
            for (int x = 0; x < w; x++) {
                int level = paper[brow + x / BLOCK];
                ink[row + x] = (px[row + x] & 0xff) < level - INK_CONTRAST;
            }
        }
        List<Components.Blob> blobs = Components.of(ink, w, h);
        int specks = 0;
        int edges = 0;
        int holes = 0;
        int tiny = 0;
        int small2 = 0;
        int large = 0;
        long inkPixels = 0;
        double largestMm = 0;
        double[] xs = new double[blobs.size()];
        double[] ys = new double[blobs.size()];
        int marksAt = 0;
        for (Components.Blob b : blobs) {
            double wMm = b.width() / pxPerMm;
            double hMm = b.height() / pxPerMm;
            double size = Math.max(wMm, hMm);
            if (b.minX() <= 1 || b.minY() <= 1 || b.maxX() >= w - 2 || b.maxY() >= h - 2) {
                edges++;
            } else if (size < SPECK_MM || b.pixels() < Math.max(b.width(), b.height())) {
                specks++; // dust, or a loose cluster of noise rather than a stroke
                xs[marksAt] = (b.minX() + b.maxX()) / 2.0 / pxPerMm;
                ys[marksAt++] = (b.minY() + b.maxY()) / 2.0 / pxPerMm;
            } else if (isPunchHole(b, wMm, hMm, w, h, pxPerMm)) {
                holes++;
            } else if (isEdgeShadow(b, wMm, hMm, w, h, pxPerMm)) {
                edges++;
            } else {
                xs[marksAt] = (b.minX() + b.maxX()) / 2.0 / pxPerMm;
                ys[marksAt++] = (b.minY() + b.maxY()) / 2.0 / pxPerMm;
                inkPixels += b.pixels();
                largestMm = Math.max(largestMm, size);
                if (size >= MARK_MM) {
                    large++;
                } else if (size >= SMALL_MARK_MM) {
                    small2++;
                } else {
                    tiny++;
                }
            }
        }
        double inkRatio = inkPixels / (double) (w * h);
        int marks = tiny + small2 + large;
        boolean content = large >= 1 || small2 + large >= MIN_SMALL_MARKS || marks >= MIN_TINY_MARKS;
        String ignored = String.format("%d specks, %d punch holes, %d edge marks ignored", specks, holes, edges);
        if (content) {
            return new BlankVerdict(false, inkRatio, String.format(
                    "content: %d marks (largest %.1f mm); %s", marks, largestMm, ignored));
        }
        SpeckRows.Result rows = SpeckRows.of(xs, ys, marksAt);
        if (writing(rows)) {
            return new BlankVerdict(false, inkRatio, String.format(
                    "content: faint writing, %d small marks in rows (%d line-like runs)", marksAt, rows.rowsAlong()));
        }
        if (maybeWriting(rows)) {
            return new BlankVerdict(false, inkRatio, String.format(
                    "almost blank, but its %d small marks lie in rows as faint writing would", marksAt), true);
        }
        return new BlankVerdict(true, inkRatio, marks == 0 ? "blank: " + ignored
                : String.format("blank: only %d small marks (largest %.1f mm); %s", marks, largestMm, ignored));
    }

    /** Small marks with the structure of text: several line-like runs, or crowded into rows one way only. */
    static boolean writing(SpeckRows.Result r) {
        boolean runs = r.rowsAlong() >= MIN_ROWS && r.rowsAlong() >= 3 * r.rowsAcross() + MIN_ROWS;
        boolean rows = r.marks() >= MIN_CROWDED_MARKS && r.crowdingAlong() >= 6 && r.crowdingAlong() >= 4 * r.crowdingAcross();
        return runs || rows;
    }

    /** Small marks with some of the structure of text: not sure enough to call it writing, too much to call it blank. */
    static boolean maybeWriting(SpeckRows.Result r) {
        boolean runs = r.rowsAlong() >= 2 * r.rowsAcross() + 1;
        boolean rows = r.marks() >= MIN_CROWDED_MARKS && r.crowdingAlong() >= 3 && r.crowdingAlong() >= 2.5 * r.crowdingAcross();
        return runs || rows;
    }

    private static boolean isPunchHole(Components.Blob b, double wMm, double hMm, int w, int h, double pxPerMm) {
        if (wMm < HOLE_MIN_MM || hMm < HOLE_MIN_MM || wMm > HOLE_MAX_MM || hMm > HOLE_MAX_MM) {
            return false;
        }
        double aspect = wMm / hMm;
        if (aspect < 0.8 || aspect > 1.25) {
            return false;
        }
        double fill = b.pixels() / (double) (b.width() * b.height());
        if (fill < 0.6 || fill > 0.9) {
            return false; // a disc fills pi/4 of its box
        }
        double cx = (b.minX() + b.maxX()) / 2.0 / pxPerMm;
        double cy = (b.minY() + b.maxY()) / 2.0 / pxPerMm;
        double edge = Math.min(Math.min(cx, w / pxPerMm - cx), Math.min(cy, h / pxPerMm - cy));
        return edge <= HOLE_EDGE_MM;
    }

    /**
     * A long thin line running along an edge close to it: the shadow of the sheet's edge, or the
     * scanner's glass, not writing.
     */
    private static boolean isEdgeShadow(Components.Blob b, double wMm, double hMm, int w, int h, double pxPerMm) {
        double edgeBand = EDGE_SHADOW_BAND_MM * pxPerMm;
        boolean horizontal = hMm <= EDGE_SHADOW_THICKNESS_MM && wMm >= EDGE_SHADOW_LENGTH_MM
                && (b.maxY() <= edgeBand || b.minY() >= h - edgeBand);
        boolean vertical = wMm <= EDGE_SHADOW_THICKNESS_MM && hMm >= EDGE_SHADOW_LENGTH_MM
                && (b.maxX() <= edgeBand || b.minX() >= w - edgeBand);
        return horizontal || vertical;
    }

    /**
     * Shrinks by keeping the second-darkest pixel of each block: a thin faint stroke crosses a
     * block in two or more pixels and keeps its contrast, a lone noise pixel does not.
     */
    static BufferedImage darkestDownscale(BufferedImage grey, int factor) {
        if (factor <= 1) {
            return grey;
        }
        int w = grey.getWidth();
        int h = grey.getHeight();
        int nw = (w + factor - 1) / factor;
        int nh = (h + factor - 1) / factor;
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
        byte[] s = ImageOps.pixels(grey);
        byte[] d = ImageOps.pixels(out);
        int[] darkest = new int[nw];
        int[] second = new int[nw];
        for (int oy = 0; oy < nh; oy++) {
            java.util.Arrays.fill(darkest, 255);
            java.util.Arrays.fill(second, 255);
            for (int y = oy * factor; y < Math.min(h, (oy + 1) * factor); y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    int v = s[row + x] & 0xff;
                    int o = x / factor;
                    if (v < darkest[o]) {
                        second[o] = darkest[o];
                        darkest[o] = v;
                    } else if (v < second[o]) {
                        second[o] = v;
                    }
                }
            }
            for (int ox = 0; ox < nw; ox++) {
                d[oy * nw + ox] = (byte) second[ox];
            }
        }
        return out;
    }

    /**
     * The paper's grey level around each block: the block's 75th percentile, raised to the
     * brightest of its neighbours so a block full of ink takes its paper level from around it.
     */
    static int[] paperLevels(byte[] px, int w, int h) {
        int bw = (w + BLOCK - 1) / BLOCK;
        int bh = (h + BLOCK - 1) / BLOCK;
        int[] level = new int[bw * bh];
        int[] hist = new int[256];
        int[] four = new int[4 * 256];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                java.util.Arrays.fill(four, 0);
                int x0 = bx * BLOCK;
                int x1 = Math.min(w, (bx + 1) * BLOCK);
                int n = 0;
                for (int y = by * BLOCK; y < Math.min(h, (by + 1) * BLOCK); y++) {
                    GreyLevels.addFour(px, y * w + x0, y * w + x1, four);
                    n += x1 - x0;
                }
                GreyLevels.fold(four, hist);
                level[by * bw + bx] = ImageOps.percentile(hist, n, 0.75);
            }
        }
        int[] out = new int[level.length];
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int best = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int y = by + dy;
                        int x = bx + dx;
                        if (y >= 0 && x >= 0 && y < bh && x < bw) {
                            best = Math.max(best, level[y * bw + x]);
                        }
                    }
                }
                out[by * bw + bx] = best;
            }
        }
        return out;
    }
}
