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
        int[][] pts = map.points(transposed);
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
     * Sum of squared differences of neighbouring bins of the ink profile along lines tilted by
     * {@code degrees}: high when every text line falls into a few bins.
     */
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
