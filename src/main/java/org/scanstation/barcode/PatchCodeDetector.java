package org.scanstation.barcode;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a Kodak patch code T ("transfer patch") on a page. A patch code is four parallel bars,
 * two wide (5.1 mm) and two narrow (2.0 mm), with 2.0 mm spaces, 20 mm overall and at least
 * 19 mm long. Read from the edge of the sheet nearest to it (the leading edge when fed), patch T
 * is narrow-wide-narrow-wide. Read from the other side the same bars are patch 3, so the reading
 * direction is taken from the edge the patch is closest to.
 *
 * <p>Scan lines 1 mm apart cross the page in both directions; a line matching the bar/space
 * widths (within print tolerance and a little scaling) with quiet space on both sides is a hit;
 * at least 19 mm of consecutive hits at the same place make a patch.
 */
final class PatchCodeDetector {

    static final String FORMAT = "PATCH_T";
    static final String TEXT = "PATCHT";

    private static final double NARROW_MIN = 1.3;
    private static final double NARROW_MAX = 2.8;
    private static final double WIDE_MIN = 4.0;
    private static final double WIDE_MAX = 6.4;
    private static final double TOTAL_MIN = 16.5;
    private static final double TOTAL_MAX = 23.5;
    /** White needed before and after the four bars: far more than any space inside a barcode. */
    private static final double QUIET_MIN = 8.0;
    private static final double MIN_LENGTH_MM = 19.0;
    private static final String PATCH_T = "NWNW";

    /** A matching scan line: where the four bars start and end along it, and the bar pattern. */
    private record Hit(int line, int start, int end, String pattern) {
    }

    Optional<Rectangle> detect(GreyImage page) {
        double pxPerMm = CandidateRegionFinder.estimatePixelsPerMm(page);
        int factor = Math.max(1, (int) Math.round(pxPerMm / 6.0));
        GreyImage img = factor == 1 ? page : page.downscale(factor);
        double ppm = pxPerMm / factor;
        int threshold = otsu(img);
        if (threshold < 0) {
            return Optional.empty();
        }
        Optional<Rectangle> found = scan(img, ppm, threshold, true);
        if (found.isEmpty()) {
            found = scan(img, ppm, threshold, false);
        }
        return found.map(r -> new Rectangle(r.x * factor, r.y * factor, r.width * factor, r.height * factor));
    }

    /**
     * @param columns true: scan down columns (bars lying horizontally); false: along rows
     */
    private Optional<Rectangle> scan(GreyImage img, double ppm, int threshold, boolean columns) {
        int lines = columns ? img.width : img.height;
        int length = columns ? img.height : img.width;
        int step = Math.max(1, (int) Math.round(ppm));
        boolean[] dark = new boolean[length];
        List<Hit> hits = new ArrayList<>();
        for (int line = 0; line < lines; line += step) {
            for (int i = 0; i < length; i++) {
                int v = columns ? img.get(line, i) : img.get(i, line);
                dark[i] = v < threshold;
            }
            findOnLine(dark, line / step, ppm, hits);
        }
        return group(hits, ppm, step, columns, img);
    }

    private static void findOnLine(boolean[] dark, int lineIndex, double ppm, List<Hit> hits) {
        // run lengths, starting with a light run (possibly empty)
        List<int[]> runs = new ArrayList<>(); // {start, length, dark?1:0}
        int start = 0;
        for (int i = 1; i <= dark.length; i++) {
            if (i == dark.length || dark[i] != dark[start]) {
                runs.add(new int[] {start, i - start, dark[start] ? 1 : 0});
                start = i;
            }
        }
        for (int r = 0; r + 6 < runs.size(); r++) {
            if (runs.get(r)[2] != 1) {
                continue;
            }
            boolean quietBefore = r == 0 || runs.get(r - 1)[1] >= QUIET_MIN * ppm;
            boolean quietAfter = r + 7 >= runs.size() || runs.get(r + 7)[1] >= QUIET_MIN * ppm;
            if (!quietBefore || !quietAfter) {
                continue;
            }
            StringBuilder pattern = new StringBuilder();
            boolean ok = true;
            for (int k = 0; k < 7 && ok; k++) {
                double mm = runs.get(r + k)[1] / ppm;
                if (k % 2 == 1) {
                    ok = mm >= NARROW_MIN && mm <= NARROW_MAX;
                } else if (mm >= NARROW_MIN && mm <= NARROW_MAX) {
                    pattern.append('N');
                } else if (mm >= WIDE_MIN && mm <= WIDE_MAX) {
                    pattern.append('W');
                } else {
                    ok = false;
                }
            }
            if (!ok) {
                continue;
            }
            int s = runs.get(r)[0];
            int e = runs.get(r + 6)[0] + runs.get(r + 6)[1];
            double total = (e - s) / ppm;
            String p = pattern.toString();
            if (total >= TOTAL_MIN && total <= TOTAL_MAX && p.chars().filter(c -> c == 'W').count() == 2) {
                hits.add(new Hit(lineIndex, s, e, p));
            }
        }
    }

    /** Consecutive lines with the same pattern at the same place, long enough, make a patch. */
    private static Optional<Rectangle> group(List<Hit> hits, double ppm, int step, boolean columns, GreyImage img) {
        int tolerance = (int) Math.ceil(2 * ppm);
        int minLines = (int) Math.ceil(MIN_LENGTH_MM * ppm / step);
        boolean[] used = new boolean[hits.size()];
        for (int i = 0; i < hits.size(); i++) {
            if (used[i]) {
                continue;
            }
            Hit first = hits.get(i);
            Hit last = first;
            int count = 1;
            int lo = first.start();
            int hi = first.end();
            for (int j = i + 1; j < hits.size(); j++) {
                Hit h = hits.get(j);
                if (h.line() - last.line() > 2) {
                    break;
                }
                if (used[j] || h.line() == last.line() || !h.pattern().equals(first.pattern())
                        || Math.abs(h.start() - last.start()) > tolerance) {
                    continue;
                }
                used[j] = true;
                last = h;
                count++;
                lo = Math.min(lo, h.start());
                hi = Math.max(hi, h.end());
            }
            if (count < minLines) {
                continue;
            }
            int lineLo = first.line() * step;
            int lineHi = last.line() * step + 1;
            int along = columns ? img.height : img.width;
            // read from the nearer edge (the leading edge when the sheet was fed)
            boolean nearStart = (lo + hi) / 2 < along / 2;
            String fromEdge = nearStart ? first.pattern() : new StringBuilder(first.pattern()).reverse().toString();
            if (!PATCH_T.equals(fromEdge)) {
                continue;
            }
            return Optional.of(columns
                    ? new Rectangle(lineLo, lo, lineHi - lineLo, hi - lo)
                    : new Rectangle(lo, lineLo, hi - lo, lineHi - lineLo));
        }
        return Optional.empty();
    }

    /** Otsu's threshold, or -1 when the page has too little contrast to hold bars. */
    private static int otsu(GreyImage img) {
        byte[] p = img.pixels;
        int[] hist = org.scanstation.image.GreyLevels.of(p);
        long total = p.length;
        double sumAll = 0;
        for (int i = 0; i < 256; i++) {
            sumAll += (double) i * hist[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = -1;
        for (int t = 0; t < 256; t++) {
            wB += hist[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * hist[t];
            double mB = sumB / wB;
            double mF = (sumAll - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        if (threshold < 0) {
            return -1;
        }
        // means of both classes must be far enough apart to be ink on paper
        double sumLo = 0;
        long nLo = 0;
        for (int i = 0; i <= threshold; i++) {
            sumLo += (double) i * hist[i];
            nLo += hist[i];
        }
        double mLo = nLo == 0 ? 0 : sumLo / nLo;
        double mHi = (total - nLo) == 0 ? 255 : (sumAll - sumLo) / (total - nLo);
        return mHi - mLo >= 40 ? threshold + 1 : -1;
    }
}
