package org.scanstation.barcode;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds barcode-like regions on a page cheaply, so that only small crops are handed to the
 * decoders. The page is averaged down 2x, cut into small blocks, and each block is binarised with
 * a threshold taken from its neighbourhood. Blocks with many black/white transitions along one
 * axis and few along the other are "bars"; blocks with many transitions along both axes and about
 * half ink are "matrix". Connected groups of such blocks of barcode-like size become candidates.
 */
final class CandidateRegionFinder {

    /** Block side, in pixels of the 2x-reduced image. */
    private static final int BLOCK = 8;
    private static final int MAX_CANDIDATES = 24;

    private static final byte NONE = 0;
    private static final byte BARS_V = 1;
    private static final byte BARS_H = 2;
    private static final byte MATRIX = 3;

    List<CandidateRegion> find(GreyImage page) {
        int factor = Math.min(page.width, page.height) >= 1000 ? 2 : 1;
        GreyImage fine = factor == 1 ? page : page.downscale(factor);
        GreyImage coarse = fine.downscale(2);
        double pxPerMm = estimatePixelsPerMm(page);
        List<CandidateRegion> out = new ArrayList<>();
        // fine scale finds small modules, coarse scale finds large ones (bars wider than a block)
        findAtScale(fine, factor, pxPerMm, out);
        findAtScale(coarse, factor * 2, pxPerMm, out);
        findAtScale(coarse.downscale(2), factor * 4, pxPerMm, out);
        out.addAll(mergedBars(out, pxPerMm));
        dropDuplicates(out);
        out.sort(Comparator.comparingDouble(CandidateRegion::score).reversed());
        return out.size() > MAX_CANDIDATES ? new ArrayList<>(out.subList(0, MAX_CANDIDATES)) : out;
    }

    private void findAtScale(GreyImage small, int factor, double pxPerMm, List<CandidateRegion> out) {
        int bw = small.width / BLOCK;
        int bh = small.height / BLOCK;
        if (bw < 3 || bh < 3) {
            return;
        }
        int[] min = new int[bw * bh];
        int[] max = new int[bw * bh];
        blockRange(small, bw, bh, min, max);
        int minContrast = minimumContrast(min, max);
        byte[] cls = new byte[bw * bh];
        double[] strength = new double[bw * bh];
        classify(small, bw, bh, min, max, minContrast, cls, strength);

        int scale = BLOCK * factor;
        for (byte kind : new byte[] {BARS_V, BARS_H, MATRIX}) {
            components(cls, strength, bw, bh, kind, scale, pxPerMm, out);
        }
    }

    /**
     * Wide spaces split a 1D symbol into pieces; pieces side by side with bars of the same length
     * are joined. The pieces stay candidates too (two labels side by side must both be read).
     */
    private static List<CandidateRegion> mergedBars(List<CandidateRegion> all, double pxPerMm) {
        List<CandidateRegion> merged = new ArrayList<>();
        double maxGap = 15 * pxPerMm;
        for (CandidateRegion.Kind kind : new CandidateRegion.Kind[] {
                CandidateRegion.Kind.VERTICAL_BARS, CandidateRegion.Kind.HORIZONTAL_BARS}) {
            boolean vertical = kind == CandidateRegion.Kind.VERTICAL_BARS;
            List<CandidateRegion> pieces = new ArrayList<>();
            for (CandidateRegion c : all) {
                if (c.kind() == kind) {
                    pieces.add(c);
                }
            }
            pieces.sort(Comparator.comparingInt(c -> vertical ? c.bounds().x : c.bounds().y));
            boolean[] used = new boolean[pieces.size()];
            for (int i = 0; i < pieces.size(); i++) {
                if (used[i]) {
                    continue;
                }
                Rectangle acc = new Rectangle(pieces.get(i).bounds());
                double score = pieces.get(i).score();
                int n = 1;
                for (int j = i + 1; j < pieces.size(); j++) {
                    if (used[j]) {
                        continue;
                    }
                    Rectangle b = pieces.get(j).bounds();
                    int accLo = vertical ? acc.y : acc.x;
                    int accHi = vertical ? acc.y + acc.height : acc.x + acc.width;
                    int bLo = vertical ? b.y : b.x;
                    int bHi = vertical ? b.y + b.height : b.x + b.width;
                    int overlap = Math.min(accHi, bHi) - Math.max(accLo, bLo);
                    int gap = vertical ? b.x - (acc.x + acc.width) : b.y - (acc.y + acc.height);
                    if (overlap >= 0.6 * Math.min(accHi - accLo, bHi - bLo) && gap <= maxGap) {
                        acc = acc.union(b);
                        score += pieces.get(j).score();
                        used[j] = true;
                        n++;
                    }
                }
                if (n > 1) {
                    merged.add(new CandidateRegion(acc, kind, score));
                }
            }
        }
        return merged;
    }

    /** The two scales often find the same region: keep the better scored copy. */
    private static void dropDuplicates(List<CandidateRegion> out) {
        out.sort(Comparator.comparingDouble(CandidateRegion::score).reversed());
        List<CandidateRegion> kept = new ArrayList<>();
        for (CandidateRegion c : out) {
            boolean dup = false;
            for (CandidateRegion k : kept) {
                if (k.kind() == c.kind() && nearlySame(k.bounds(), c.bounds())) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(c);
            }
        }
        out.clear();
        out.addAll(kept);
    }

    private static boolean nearlySame(Rectangle a, Rectangle b) {
        Rectangle i = a.intersection(b);
        if (i.isEmpty()) {
            return false;
        }
        double inter = (double) i.width * i.height;
        return inter >= 0.85 * a.width * a.height && inter >= 0.85 * b.width * b.height;
    }

    /** Pixels per millimetre, assuming the short side of the page is A4/Letter width. */
    static double estimatePixelsPerMm(GreyImage page) {
        int shortSide = Math.min(page.width, page.height);
        double ppm = shortSide / 213.0;
        return Math.max(ppm, 2.0);
    }

    private static void blockRange(GreyImage img, int bw, int bh, int[] min, int[] max) {
        byte[] p = img.pixels;
        int w = img.width;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int lo = 255;
                int hi = 0;
                for (int y = 0; y < BLOCK; y++) {
                    int row = (by * BLOCK + y) * w + bx * BLOCK;
                    for (int x = 0; x < BLOCK; x++) {
                        int v = p[row + x] & 0xFF;
                        if (v < lo) {
                            lo = v;
                        }
                        if (v > hi) {
                            hi = v;
                        }
                    }
                }
                min[by * bw + bx] = lo;
                max[by * bw + bx] = hi;
            }
        }
    }

    /** Paper noise sets the floor: most blocks are bare paper, so their median range is noise. */
    private static int minimumContrast(int[] min, int[] max) {
        int[] range = new int[min.length];
        for (int i = 0; i < min.length; i++) {
            range[i] = max[i] - min[i];
        }
        Arrays.sort(range);
        int noise = range[range.length / 2];
        return Math.max(28, (int) (noise * 1.8));
    }

    private static void classify(GreyImage img, int bw, int bh, int[] min, int[] max, int minContrast,
                                 byte[] cls, double[] strength) {
        int n = bw * bh;
        int[] th = new int[n];
        int[] tv = new int[n];
        int[] dark = new int[n];
        boolean[] ink = new boolean[n];
        measure(img, bw, bh, min, max, minContrast, th, tv, dark, ink);
        int area = BLOCK * BLOCK;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int i = by * bw + bx;
                if (!ink[i]) {
                    continue;
                }
                // statistics over the 3x3 neighbourhood: bars may be wider than one block
                int sh = 0;
                int sv = 0;
                int sd = 0;
                int cells = 0;
                for (int ny = Math.max(0, by - 1); ny <= Math.min(bh - 1, by + 1); ny++) {
                    for (int nx = Math.max(0, bx - 1); nx <= Math.min(bw - 1, bx + 1); nx++) {
                        int j = ny * bw + nx;
                        sh += th[j];
                        sv += tv[j];
                        sd += dark[j];
                        cells++;
                    }
                }
                double perCell = 1.0 / cells;
                double h = sh * perCell;
                double v = sv * perCell;
                double darkFrac = sd * perCell / area;
                // own block must be busy too, so that regions do not grow past the symbol
                int ownH = th[i];
                int ownV = tv[i];
                if (h >= 5 && v * 3 <= h && ownH >= 2 && darkFrac > 0.12 && darkFrac < 0.88) {
                    cls[i] = BARS_V;
                    strength[i] = h;
                } else if (v >= 5 && h * 3 <= v && ownV >= 2 && darkFrac > 0.12 && darkFrac < 0.88) {
                    cls[i] = BARS_H;
                    strength[i] = v;
                } else if (h >= 4 && v >= 4 && h + v >= 12 && ownH + ownV >= 8
                        && darkFrac >= 0.25 && darkFrac <= 0.8) {
                    cls[i] = MATRIX;
                    strength[i] = (h + v) * 0.5;
                }
            }
        }
    }

    /** Per block: horizontal and vertical black/white transitions, dark pixels, enough contrast. */
    private static void measure(GreyImage img, int bw, int bh, int[] min, int[] max, int minContrast,
                                int[] th, int[] tv, int[] dark, boolean[] ink) {
        byte[] p = img.pixels;
        int w = img.width;
        for (int by = 0; by < bh; by++) {
            for (int bx = 0; bx < bw; bx++) {
                int i = by * bw + bx;
                int lo = 255;
                int hi = 0;
                for (int ny = Math.max(0, by - 1); ny <= Math.min(bh - 1, by + 1); ny++) {
                    for (int nx = Math.max(0, bx - 1); nx <= Math.min(bw - 1, bx + 1); nx++) {
                        lo = Math.min(lo, min[ny * bw + nx]);
                        hi = Math.max(hi, max[ny * bw + nx]);
                    }
                }
                if (hi - lo < minContrast) {
                    continue;
                }
                ink[i] = max[i] - min[i] >= minContrast;
                int t = (lo + hi) / 2;
                int h = 0;
                int v = 0;
                int d = 0;
                int x0 = bx * BLOCK;
                int y0 = by * BLOCK;
                for (int y = 0; y < BLOCK; y++) {
                    int row = (y0 + y) * w + x0;
                    boolean hasBelow = y0 + y + 1 < img.height;
                    boolean prev = (p[row] & 0xFF) < t;
                    for (int x = 0; x < BLOCK; x++) {
                        boolean isDark = (p[row + x] & 0xFF) < t;
                        if (isDark) {
                            d++;
                        }
                        if (x > 0 && isDark != prev) {
                            h++;
                        }
                        if (hasBelow && ((p[row + x + w] & 0xFF) < t) != isDark) {
                            v++;
                        }
                        prev = isDark;
                    }
                }
                th[i] = h;
                tv[i] = v;
                dark[i] = d;
            }
        }
    }

    private static void components(byte[] cls, double[] strength, int bw, int bh, byte kind, int scale,
                                   double pxPerMm, List<CandidateRegion> out) {
        boolean[] seen = new boolean[cls.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        double blockMm = scale / pxPerMm;
        for (int start = 0; start < cls.length; start++) {
            if (cls[start] != kind || seen[start]) {
                continue;
            }
            seen[start] = true;
            queue.add(start);
            int x0 = bw;
            int y0 = bh;
            int x1 = -1;
            int y1 = -1;
            int count = 0;
            double sum = 0;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % bw;
                int y = i / bw;
                count++;
                sum += strength[i];
                x0 = Math.min(x0, x);
                y0 = Math.min(y0, y);
                x1 = Math.max(x1, x);
                y1 = Math.max(y1, y);
                // tolerate a one-block gap (a wide bar or space, a scratch)
                for (int ny = Math.max(0, y - 2); ny <= Math.min(bh - 1, y + 2); ny++) {
                    for (int nx = Math.max(0, x - 2); nx <= Math.min(bw - 1, x + 2); nx++) {
                        int j = ny * bw + nx;
                        if (!seen[j] && cls[j] == kind) {
                            seen[j] = true;
                            queue.add(j);
                        }
                    }
                }
            }
            int wBlocks = x1 - x0 + 1;
            int hBlocks = y1 - y0 + 1;
            double wMm = wBlocks * blockMm;
            double hMm = hBlocks * blockMm;
            double fill = count / (double) (wBlocks * hBlocks);
            if (!plausible(kind, wMm, hMm, count, fill)) {
                continue;
            }
            Rectangle r = new Rectangle(x0 * scale, y0 * scale, wBlocks * scale, hBlocks * scale);
            CandidateRegion.Kind k = switch (kind) {
                case BARS_V -> CandidateRegion.Kind.VERTICAL_BARS;
                case BARS_H -> CandidateRegion.Kind.HORIZONTAL_BARS;
                default -> CandidateRegion.Kind.MATRIX;
            };
            out.add(new CandidateRegion(r, k, sum * Math.min(1.0, fill * 1.5)));
        }
    }

    private static boolean plausible(byte kind, double wMm, double hMm, int count, double fill) {
        if (count < 4 || fill < 0.3) {
            return false;
        }
        double along = kind == BARS_H ? wMm : hMm;   // bar length
        double across = kind == BARS_H ? hMm : wMm;  // symbol length
        if (kind == MATRIX) {
            double lo = Math.min(wMm, hMm);
            double hi = Math.max(wMm, hMm);
            return lo >= 3.5 && hi <= 110 && hi / lo <= 6;
        }
        return along >= 3.5 && across >= 6 && across <= 200 && along <= 120;
    }
}
