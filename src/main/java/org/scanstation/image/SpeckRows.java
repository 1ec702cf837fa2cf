package org.scanstation.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks for the structure of writing among small marks: faint text that a scan broke into specks still
 * lies in rows. Dust and noise have no direction. Two measures, each at a few angles (a skewed page) and
 * both ways (a sideways page); the way the marks crowd most into bands is reported as "along", the other
 * as "across":
 * <ul>
 *   <li>runs: marks binned into 1 mm cells along bands 1.5 mm high; a run is at least 20 mm along one band
 *       whose occupied cells are never more than 3 mm apart and number at least 10 (a line of broken text);</li>
 *   <li>concentration: how unevenly the marks fall into 1.5 mm bands (variance over mean of the band counts;
 *       about 1 for marks spread at random, far more when they crowd into lines of text with empty space
 *       between). Marks crowded into one patch are uneven both ways; rows only one way.</li>
 * </ul>
 * Thread-safe (stateless).
 */
final class SpeckRows {

    /**
     * @param rowsAlong      runs found along the direction with the most
     * @param rowsAcross     runs found across it
     * @param crowdingAlong  concentration of the marks into bands, in the direction with the most
     * @param crowdingAcross the same across it
     * @param marks          how many marks were looked at
     */
    record Result(int rowsAlong, int rowsAcross, double crowdingAlong, double crowdingAcross, int marks) {
    }

    static final double CELL_MM = 1.0;
    static final double BAND_MM = 1.5;
    static final double MAX_GAP_MM = 3.0;
    static final double MIN_RUN_MM = 20.0;
    static final int MIN_CELLS = 10;
    private static final double[] RUN_ANGLES = {-8, -4, 0, 4, 8};
    private static final double MAX_ANGLE = 8;
    private static final double ANGLE_STEP = 1;

    private SpeckRows() {
    }

    /**
     * @param xs mark centres, millimetres from the left edge
     * @param ys mark centres, millimetres from the top edge
     * @param n  how many of the entries are marks
     */
    static Result of(double[] xs, double[] ys, int n) {
        int rowsH = bestRuns(xs, ys, n);
        int rowsV = bestRuns(ys, xs, n);
        double crowdH = crowding(xs, ys, n);
        double crowdV = crowding(ys, xs, n);
        boolean horizontal = crowdH >= crowdV;
        return horizontal ? new Result(rowsH, rowsV, crowdH, crowdV, n) : new Result(rowsV, rowsH, crowdV, crowdH, n);
    }

    /** The most runs found along u (bands across v) at any angle and band offset. */
    private static int bestRuns(double[] u, double[] v, int n) {
        int best = 0;
        for (double angle : RUN_ANGLES) {
            double tan = Math.tan(Math.toRadians(angle));
            for (double offset : new double[] {0, BAND_MM / 2}) {
                best = Math.max(best, runs(u, v, n, tan, offset));
            }
        }
        return best;
    }

    private static int runs(double[] u, double[] v, int n, double tan, double offset) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long band = (long) Math.floor((v[i] - u[i] * tan + offset) / BAND_MM) + (1L << 20);
            long cell = (long) Math.floor(u[i] / CELL_MM) + (1L << 20);
            keys[i] = band << 32 | cell;
        }
        java.util.Arrays.sort(keys);
        int maxGap = (int) Math.round(MAX_GAP_MM / CELL_MM);
        int minLength = (int) Math.round(MIN_RUN_MM / CELL_MM);
        int count = 0;
        int i = 0;
        List<Long> cells = new ArrayList<>();
        while (i < n) {
            long band = keys[i] >>> 32;
            cells.clear();
            while (i < n && keys[i] >>> 32 == band) {
                long cell = keys[i] & 0xFFFFFFFFL;
                if (cells.isEmpty() || cells.get(cells.size() - 1) != cell) {
                    cells.add(cell);
                }
                i++;
            }
            int start = 0;
            for (int k = 1; k <= cells.size(); k++) {
                if (k == cells.size() || cells.get(k) - cells.get(k - 1) > maxGap) {
                    long length = cells.get(k - 1) - cells.get(start) + 1;
                    if (length >= minLength && k - start >= MIN_CELLS) {
                        count++;
                    }
                    start = k;
                }
            }
        }
        return count;
    }

    /** The highest variance-to-mean ratio of the marks' counts in bands across v, at any angle, over the marks' extent. */
    private static double crowding(double[] u, double[] v, int n) {
        if (n < 2) {
            return 0;
        }
        double best = 0;
        double[] t = new double[n];
        for (double angle = -MAX_ANGLE; angle <= MAX_ANGLE; angle += ANGLE_STEP) {
            double tan = Math.tan(Math.toRadians(angle));
            double lo = Double.MAX_VALUE;
            double hi = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                t[i] = v[i] - u[i] * tan;
                lo = Math.min(lo, t[i]);
                hi = Math.max(hi, t[i]);
            }
            int bands = (int) ((hi - lo) / BAND_MM) + 1;
            if (bands < 4) {
                continue;
            }
            int[] counts = new int[bands];
            for (int i = 0; i < n; i++) {
                counts[(int) ((t[i] - lo) / BAND_MM)]++;
            }
            double mean = n / (double) bands;
            double variance = 0;
            for (int c : counts) {
                variance += (c - mean) * (c - mean);
            }
            best = Math.max(best, variance / bands / mean);
        }
        return best;
    }
}
