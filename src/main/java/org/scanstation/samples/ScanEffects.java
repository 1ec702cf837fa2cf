package org.scanstation.samples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * What a document scanner does to a page: skew, orientation, paper tone, sensor noise, dust,
 * speckle, low contrast, blur, JPEG artefacts; plus punch holes and show-through from the back.
 * All operations work on 8-bit grey images and are deterministic for a seed.
 */
final class ScanEffects {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** Degradation parameters of one level (0 clean .. 3 poor). */
    private record Level(int paper, int ink, double sigma, double saltPepper, int specks, boolean blur,
                         boolean unevenLight, float jpegQuality) {
    }

    private static final Level[] LEVELS = {
        new Level(252, 12, 0.6, 0, 2, false, false, 0),
        new Level(243, 25, 3, 0.00002, 10, false, false, 0),
        new Level(230, 48, 8, 0.0004, 40, false, true, 0),
        new Level(212, 88, 12, 0.0012, 110, true, true, 0.22f),
    };

    /** Standard normal values by inverse CDF at 65536 evenly spaced probabilities (a fast, exact-enough table). */
    private static final double[] GAUSSIAN = gaussianTable();

    private ScanEffects() {
    }

    private static double[] gaussianTable() {
        double[] t = new double[1 << 16];
        for (int i = 0; i < t.length; i++) {
            t[i] = inverseNormal((i + 0.5) / t.length);
        }
        return t;
    }

    /** Acklam's rational approximation of the standard normal quantile function. */
    private static double inverseNormal(double p) {
        double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
            -3.066479806614716e+01, 2.506628277459239e+00};
        double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
            -1.328068155288572e+01};
        double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
            4.374664141464968e+00, 2.938163982698783e+00};
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double q;
        if (p < 0.02425) {
            q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - 0.02425) {
            q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** Rotates the page content by {@code degrees} (positive = clockwise) about the centre, bilinear, white corners. */
    static BufferedImage skew(BufferedImage src, double degrees) {
        if (degrees == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        byte[] s = pixels(src);
        BufferedImage dst = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] d = pixels(dst);
        double a = Math.toRadians(degrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        double cx = w / 2.0;
        double cy = h / 2.0;
        for (int y = 0; y < h; y++) {
            double dy = y - cy;
            for (int x = 0; x < w; x++) {
                double dx = x - cx;
                // inverse rotation: where this output pixel came from
                double sx = cos * dx + sin * dy + cx;
                double sy = -sin * dx + cos * dy + cy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                int v;
                if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) {
                    v = 255;
                } else {
                    double fx = sx - x0;
                    double fy = sy - y0;
                    int i = y0 * w + x0;
                    double top = (s[i] & 0xff) * (1 - fx) + (s[i + 1] & 0xff) * fx;
                    double bottom = (s[i + w] & 0xff) * (1 - fx) + (s[i + w + 1] & 0xff) * fx;
                    v = (int) Math.round(top * (1 - fy) + bottom * fy);
                }
                d[y * w + x] = (byte) v;
            }
        }
        return dst;
    }

    /** Where a point of the upright page lands after {@link #skew}. */
    static Point2D skewPoint(Point2D p, double degrees, int w, int h) {
        double a = Math.toRadians(degrees);
        double dx = p.getX() - w / 2.0;
        double dy = p.getY() - h / 2.0;
        return new Point2D.Double(Math.cos(a) * dx - Math.sin(a) * dy + w / 2.0,
                Math.sin(a) * dx + Math.cos(a) * dy + h / 2.0);
    }

    /**
     * Turns the image counter-clockwise by {@code rotation} (0, 90, 180, 270) degrees, so that a reader
     * must turn it clockwise by {@code rotation} to see it upright.
     */
    static BufferedImage orient(BufferedImage src, int rotation) {
        if (rotation == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = rotation == 90 || rotation == 270;
        BufferedImage dst = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] s = pixels(src);
        byte[] d = pixels(dst);
        int dw = dst.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int nx;
                int ny;
                switch (rotation) {
                    case 90 -> { nx = y; ny = w - 1 - x; }
                    case 180 -> { nx = w - 1 - x; ny = h - 1 - y; }
                    case 270 -> { nx = h - 1 - y; ny = x; }
                    default -> throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
                }
                d[ny * dw + nx] = s[y * w + x];
            }
        }
        return dst;
    }

    /** Where a point of an image of size w x h lands after {@link #orient}. */
    static Point2D orientPoint(Point2D p, int rotation, int w, int h) {
        double x = p.getX();
        double y = p.getY();
        return switch (rotation) {
            case 0 -> new Point2D.Double(x, y);
            case 90 -> new Point2D.Double(y, w - x);
            case 180 -> new Point2D.Double(w - x, h - y);
            case 270 -> new Point2D.Double(h - y, x);
            default -> throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270: " + rotation);
        };
    }

    /** Paper tone, contrast, noise, dust, speckle, blur and (level 3) JPEG artefacts. Returns the degraded image. */
    static BufferedImage degrade(BufferedImage img, int level, long seed) {
        Level l = LEVELS[Math.max(0, Math.min(3, level))];
        FastRandom rnd = new FastRandom(seed);
        int w = img.getWidth();
        int h = img.getHeight();
        byte[] p = pixels(img);
        if (l.blur()) {
            boxBlur(p, w, h);
        }
        double range = (l.paper() - l.ink()) / 255.0;
        double lightX = rnd.nextDouble() * w;
        double lightY = rnd.nextDouble() * h;
        double lightAmp = l.unevenLight() ? 6 + rnd.nextDouble() * 10 : 0;
        double diag = Math.hypot(w, h);
        double light = 0;
        double sigma = l.sigma();
        long bits = 0;
        int bitsLeft = 0;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (bitsLeft == 0) {
                    bits = rnd.next();
                    bitsLeft = 4;
                }
                double noise = GAUSSIAN[(int) (bits & 0xFFFF)];
                bits >>>= 16;
                bitsLeft--;
                double v = l.ink() + (p[row + x] & 0xff) * range + noise * sigma;
                if (lightAmp > 0 && (x & 7) == 0) {
                    // the light falloff changes slowly: recompute it every 8 pixels
                    light = lightAmp * Math.hypot(x - lightX, y - lightY) / diag;
                }
                v -= light;
                p[row + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
            }
        }
        long impulses = Math.round(l.saltPepper() * w * h);
        for (long i = 0; i < impulses; i++) {
            int at = rnd.nextInt(w * h);
            p[at] = (byte) (rnd.nextDouble() < 0.7 ? l.ink() + rnd.nextInt(40) : 255);
        }
        specks(img, l.specks() / 2 + rnd.nextInt(l.specks() + 1), rnd);
        if (l.jpegQuality() > 0) {
            return jpegRoundTrip(img, l.jpegQuality());
        }
        return img;
    }

    /** Small dark dots of dust and toner. */
    static void specks(BufferedImage img, int count, FastRandom rnd) {
        Graphics2D g = img.createGraphics();
        for (int i = 0; i < count; i++) {
            int r = 1 + rnd.nextInt(3);
            int grey = 20 + rnd.nextInt(120);
            g.setColor(new Color(grey, grey, grey));
            g.fillOval(rnd.nextInt(img.getWidth()), rnd.nextInt(img.getHeight()), r * 2, r * 2);
        }
        g.dispose();
    }

    /**
     * Prints the page faint: every pixel's darkness is kept only in part ({@code keep} 0..1), as from a worn
     * toner cartridge or a light photocopy. After the scanner's noise a bilevel scan breaks such strokes
     * into rows of specks.
     */
    static void fade(BufferedImage img, double keep) {
        byte[] p = pixels(img);
        for (int i = 0; i < p.length; i++) {
            int dark = 255 - (p[i] & 0xff);
            p[i] = (byte) (255 - (int) Math.round(dark * keep));
        }
    }

    /**
     * How much darkness a faint page keeps at a degradation level: its strokes end up {@code margin} noise
     * deviations darker than the bilevel threshold ({@link #threshold}); near 0 noise breaks them into specks,
     * below 0 only the noise's darker half of each stroke is left.
     */
    static double faintKeep(int level, double margin) {
        Level l = LEVELS[Math.max(0, Math.min(3, level))];
        return Math.min(1, 0.5 + margin * l.sigma() / (l.paper() - l.ink()));
    }

    /** Two filing punch holes near the left edge; the dark scanner backing shows through them. */
    static void punchHoles(BufferedImage img, int dpi) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        double pxPerMm = dpi / 25.4;
        int d = (int) Math.round(6 * pxPerMm);
        int x = (int) Math.round(12 * pxPerMm) - d / 2;
        int cy = img.getHeight() / 2;
        g.setColor(new Color(45, 45, 45));
        for (int sign : new int[] {-1, 1}) {
            int y = cy + sign * (int) Math.round(40 * pxPerMm) - d / 2;
            g.fillOval(x, y, d, d);
        }
        g.dispose();
    }

    /** Blends a faint mirror image of {@code front} into the (white) back side {@code back}. */
    static void showThrough(BufferedImage back, BufferedImage front, double strength) {
        int w = back.getWidth();
        int h = back.getHeight();
        byte[] b = pixels(back);
        byte[] f = pixels(front);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int ink = 255 - (f[y * w + (w - 1 - x)] & 0xff);
                int v = (b[y * w + x] & 0xff) - (int) Math.round(ink * strength);
                b[y * w + x] = (byte) Math.max(0, v);
            }
        }
    }

    /** Grey value half-way between the paper and the ink of a level: the threshold for a bilevel copy. */
    static int threshold(int level) {
        Level l = LEVELS[Math.max(0, Math.min(3, level))];
        return (l.paper() + l.ink()) / 2;
    }

    /** Bilevel copy (for G4 TIFF), thresholded half-way between paper and ink. */
    static BufferedImage binarise(BufferedImage img, int threshold) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage bin = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        byte[] p = pixels(img);
        java.awt.image.WritableRaster r = bin.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = (p[y * w + x] & 0xff) >= threshold ? 1 : 0;
            }
            r.setPixels(0, y, w, 1, row);
        }
        return bin;
    }

    static BufferedImage jpegRoundTrip(BufferedImage img, float quality) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PageImageWriter.writeJpeg(img, out, quality, 0);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            if (back.getType() == BufferedImage.TYPE_BYTE_GRAY) {
                return back;
            }
            BufferedImage grey = new BufferedImage(back.getWidth(), back.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.getGraphics().drawImage(back, 0, 0, null);
            return grey;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pixels(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IllegalArgumentException("expected an 8-bit grey image");
        }
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    private static void boxBlur(byte[] p, int w, int h) {
        byte[] tmp = new byte[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = p[y * w + Math.max(0, x - 1)] & 0xff;
                int b = p[y * w + x] & 0xff;
                int c = p[y * w + Math.min(w - 1, x + 1)] & 0xff;
                tmp[y * w + x] = (byte) ((a + 2 * b + c) / 4);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int a = tmp[Math.max(0, y - 1) * w + x] & 0xff;
                int b = tmp[y * w + x] & 0xff;
                int c = tmp[Math.min(h - 1, y + 1) * w + x] & 0xff;
                p[y * w + x] = (byte) ((a + 2 * b + c) / 4);
            }
        }
    }

    /** A small, fast, seedable generator (xorshift64*) for per-pixel noise. */
    static final class FastRandom {
        private long state;

        FastRandom(long seed) {
            state = seed == 0 ? 0x2545F4914F6CDD1DL : seed;
        }

        long next() {
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            return state * 0x2545F4914F6CDD1DL;
        }

        double nextDouble() {
            return (next() >>> 11) * 0x1.0p-53;
        }

        int nextInt(int bound) {
            return (int) ((next() >>> 33) % bound);
        }
    }
}
