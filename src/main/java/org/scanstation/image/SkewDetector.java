package org.scanstation.image;

import java.awt.image.BufferedImage;

/**
 * Measures how far a page's text lines are tilted, by the sharpness of the page's row profile when
 * the ink is sheared by candidate angles (coarse over +/-10 degrees, then fine to 0.05 degree).
 *
 * <p>Angles are clockwise positive, as {@link Transform.Deskew}: a page whose lines fall to the right
 * by 2 degrees measures +2 and is straightened by {@code new Transform.Deskew(-2)}. The page must
 * have horizontal text lines (turn sideways pages upright first). Thread-safe.
 */
public final class SkewDetector {

    /** The widest tilt searched, in degrees either way. */
    public static final double MAX_DEGREES = 10.0;
    private static final int MIN_INK_PIXELS = 150;
    /** The best angle must beat the average angle by this factor to be believed. */
    private static final double MIN_PEAK_RATIO = 1.08;

    /** The clockwise tilt of the text lines in degrees, or 0 for a blank or unmeasurable page. */
    public double detectDegrees(BufferedImage grey) {
        return measure(InkMap.of(grey), false).degrees();
    }

    /** Result of a profile search: the angle, its sharpness, and the mean sharpness of all angles. */
    record Measurement(double degrees, double score, double meanScore) {
        double peakRatio() {
            return meanScore <= 0 ? 0 : score / meanScore;
        }
    }

    static Measurement measure(InkMap map, boolean transposed) {
        if (map.inkCount < MIN_INK_PIXELS) {
            return new Measurement(0, 0, 0);
        }
        Runs pts = Runs.of(map, transposed);
        int len = transposed ? map.width : map.height;
        int span = transposed ? map.height : map.width;
        double best = 0;
        double bestScore = -1;
        double sum = 0;
        int n = 0;
        for (double a = -MAX_DEGREES; a <= MAX_DEGREES + 1e-9; a += 0.5) {
            double s = sharpness(pts, len, span, a);
            sum += s;
            n++;
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        double mean = sum / n;
        if (bestScore <= 0 || bestScore / mean < MIN_PEAK_RATIO) {
            return new Measurement(0, bestScore, mean);
        }
        double fineBest = best;
        double fineScore = bestScore;
        double step = 0.05;
        double[] scores = new double[21];
        for (int i = 0; i < scores.length; i++) {
            double a = best - 0.5 + i * step;
            scores[i] = sharpness(pts, len, span, a);
            if (scores[i] > fineScore) {
                fineScore = scores[i];
                fineBest = a;
            }
        }
        int i = (int) Math.round((fineBest - (best - 0.5)) / step);
        if (i > 0 && i < scores.length - 1) {
            double l = scores[i - 1];
            double c = scores[i];
            double r = scores[i + 1];
            double denom = l - 2 * c + r;
            if (denom < 0) {
                fineBest += step * 0.5 * (l - r) / denom;
            }
        }
        double degrees = Math.max(-MAX_DEGREES, Math.min(MAX_DEGREES, fineBest));
        return new Measurement(degrees, fineScore, mean);
    }

    /**
     * The ink of a map as runs along the profile's axis (down the columns; along the rows when transposed): every
     * pixel of a run falls at the same place across the page, so a tilt shifts the whole run into consecutive
     * bins, and the profile is counted a run at a time, not a pixel at a time.
     *
     * @param at   each run's place across the page (the column; the row when transposed)
     * @param from its first pixel along the profile's axis
     * @param to   its last
     */
    record Runs(int[] at, int[] from, int[] to, int count) {

        static Runs of(InkMap map, boolean transposed) {
            int w = map.width;
            int h = map.height;
            boolean[] ink = map.ink;
            int capacity = Math.max(16, map.inkCount / 2);
            int[] at = new int[capacity];
            int[] from = new int[capacity];
            int[] to = new int[capacity];
            int n = 0;
            if (transposed) {
                for (int y = 0; y < h; y++) {
                    int row = y * w;
                    int x = 0;
                    while (x < w) {
                        if (!ink[row + x]) {
                            x++;
                            continue;
                        }
                        int start = x;
                        while (x < w && ink[row + x]) {
                            x++;
                        }
                        if (n == at.length) {
                            at = java.util.Arrays.copyOf(at, 2 * n);
                            from = java.util.Arrays.copyOf(from, 2 * n);
                            to = java.util.Arrays.copyOf(to, 2 * n);
                        }
                        at[n] = y;
                        from[n] = start;
                        to[n++] = x - 1;
                    }
                }
            } else {
                // the runs down each column, followed a row at a time
                int[] start = new int[w];
                for (int y = 0; y < h; y++) {
                    int row = y * w;
                    for (int x = 0; x < w; x++) {
                        if (!ink[row + x]) {
                            continue;
                        }
                        if (y == 0 || !ink[row - w + x]) {
                            start[x] = y;
                        }
                        if (y == h - 1 || !ink[row + w + x]) {
                            if (n == at.length) {
                                at = java.util.Arrays.copyOf(at, 2 * n);
                                from = java.util.Arrays.copyOf(from, 2 * n);
                                to = java.util.Arrays.copyOf(to, 2 * n);
                            }
                            at[n] = x;
                            from[n] = start[x];
                            to[n++] = y;
                        }
                    }
                }
            }
            return new Runs(at, from, to, n);
        }
    }

    /**
     * Sum of squared differences of neighbouring bins of the ink profile along lines tilted by
     * {@code degrees}: high when every text line falls into a few bins. Those differences are counted directly:
     * a run adds one where it starts and takes one away after it ends; the same sum, in the same order, as
     * counting every pixel into its bin ({@link #sharpness(int[][], int, int, double)}).
     */
    static double sharpness(Runs runs, int len, int span, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int offset = (int) Math.ceil(Math.abs(t) * span) + 2;
        int[] steps = new int[len + 2 * offset + 2];
        int[] shift = new int[span + 1];
        for (int x = 0; x <= span; x++) {
            shift[x] = (int) Math.floor(offset - x * t);
        }
        int[] at = runs.at();
        int[] from = runs.from();
        int[] to = runs.to();
        for (int k = 0; k < runs.count(); k++) {
            int s = shift[at[k]];
            steps[from[k] + s]++;
            steps[to[k] + 1 + s]--;
        }
        double sum = 0;
        for (int k = 1; k < steps.length; k++) {
            double d = steps[k];
            sum += d * d;
        }
        return sum;
    }

    /** The profile's sharpness counted a pixel at a time: the reference for {@link #sharpness(Runs, int, int, double)}. */
    static double sharpness(int[][] pts, int len, int span, double degrees) {
        double t = Math.tan(Math.toRadians(degrees));
        int scale = 1;
        int offset = (int) Math.ceil(Math.abs(t) * span) + 2;
        int[] bins = new int[(len + 2 * offset) * scale + 2];
        int[] xs = pts[0];
        int[] ys = pts[1];
        // ys - x * t + offset is never negative and ys is whole, so its bin is ys + floor(offset - x * t): the
        // tilt of each column worked out once, not once per point
        int[] shift = new int[span + 1];
        for (int x = 0; x <= span; x++) {
            shift[x] = (int) Math.floor(offset - x * t);
        }
        for (int k = 0; k < xs.length; k++) {
            bins[ys[k] + shift[xs[k]]]++;
        }
        double s = 0;
        for (int k = 1; k < bins.length; k++) {
            double d = bins[k] - bins[k - 1];
            s += d * d;
        }
        return s;
    }
}
