package org.scanstation.image;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;

/**
 * Pure image helpers for page clean-up. None of them modifies its input: each returns a new image
 * (or the input itself when there is nothing to do, as {@link #toGrey} for an image already grey).
 */
public final class ImageOps {

    private static final int WHITE = 255;

    private ImageOps() {
    }

    /**
     * An 8-bit grey ({@code TYPE_BYTE_GRAY}) version of any image: colour by luminance, 1-bit and
     * indexed through their palette, transparent pixels composited on white. Returns the image
     * itself when it is already a plain {@code TYPE_BYTE_GRAY} image (not a sub-image view).
     */
    public static BufferedImage toGrey(BufferedImage src) {
        if (isPlainGrey(src)) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = pixels(out);
        ColorModel cm = src.getColorModel();
        if (src.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            src.getRaster().getDataElements(0, 0, w, h, dst);
            return out;
        }
        if (cm instanceof IndexColorModel icm && !icm.hasAlpha() && src.getRaster().getNumBands() == 1) {
            byte[] lut = new byte[icm.getMapSize()];
            for (int i = 0; i < lut.length; i++) {
                lut[i] = (byte) luminance(icm.getRGB(i));
            }
            Raster r = src.getRaster();
            if (unpackBits(r, lut, dst, w, h)) {
                return out;
            }
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                r.getSamples(0, y, w, 1, 0, row);
                int o = y * w;
                for (int x = 0; x < w; x++) {
                    dst[o + x] = lut[row[x]];
                }
            }
            return out;
        }
        int[] rgb = new int[w];
        boolean alpha = cm.hasAlpha();
        for (int y = 0; y < h; y++) {
            src.getRGB(0, y, w, 1, rgb, 0, w);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int c = rgb[x];
                int lum = luminance(c);
                if (alpha) {
                    int a = c >>> 24;
                    lum = (lum * a + WHITE * (255 - a) + 127) / 255;
                }
                dst[o + x] = (byte) lum;
            }
        }
        return out;
    }

    private static int luminance(int rgb) {
        return (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114 + 500) / 1000;
    }

    /**
     * A 1-bit image packed in bytes (a bilevel scan: TIFF G4, PNG) unpacked straight from its bytes through its palette;
     * false when the raster is laid out otherwise (then read a sample at a time).
     */
    private static boolean unpackBits(Raster r, byte[] lut, byte[] dst, int w, int h) {
        if (!(r.getSampleModel() instanceof java.awt.image.MultiPixelPackedSampleModel sm) || sm.getPixelBitStride() != 1
                || sm.getDataBitOffset() != 0 || !(r.getDataBuffer() instanceof java.awt.image.DataBufferByte bytes)
                || r.getSampleModelTranslateX() != 0 || r.getSampleModelTranslateY() != 0 || lut.length < 2) {
            return false;
        }
        byte[] data = bytes.getData();
        int stride = sm.getScanlineStride();
        int base = bytes.getOffset();
        byte zero = lut[0];
        byte one = lut[1];
        for (int y = 0; y < h; y++) {
            int in = base + y * stride;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                dst[o + x] = ((data[in + (x >> 3)] >> (7 - (x & 7))) & 1) == 0 ? zero : one;
            }
        }
        return true;
    }

    /** True for a {@code TYPE_BYTE_GRAY} image that owns its whole pixel array (row-major, no padding). */
    static boolean isPlainGrey(BufferedImage img) {
        if (img.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            return false;
        }
        WritableRaster r = img.getRaster();
        return r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && r.getDataBuffer().getSize() == img.getWidth() * img.getHeight()
                && r.getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                && sm.getScanlineStride() == img.getWidth();
    }

    /** The backing pixel array of a plain {@code TYPE_BYTE_GRAY} image (row-major, no padding). */
    static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }

    /** Turns an image clockwise by 0, 90, 180 or 270 degrees, keeping its pixel format. */
    public static BufferedImage rotateQuadrant(BufferedImage src, int clockwiseDegrees) {
        int deg = ((clockwiseDegrees % 360) + 360) % 360;
        if (deg % 90 != 0) {
            throw new IllegalArgumentException("not a quarter turn: " + clockwiseDegrees);
        }
        if (deg == 0) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        int nw = deg == 180 ? w : h;
        int nh = deg == 180 ? h : w;
        if (isPlainGrey(src)) {
            BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
            byte[] s = pixels(src);
            byte[] d = pixels(out);
            for (int y = 0; y < h; y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    int nx;
                    int ny;
                    switch (deg) {
                        case 90 -> { nx = h - 1 - y; ny = x; }
                        case 180 -> { nx = w - 1 - x; ny = h - 1 - y; }
                        default -> { nx = y; ny = w - 1 - x; }
                    }
                    d[ny * nw + nx] = s[row + x];
                }
            }
            return out;
        }
        ColorModel cm = src.getColorModel();
        WritableRaster dr = src.getRaster().createCompatibleWritableRaster(nw, nh);
        Raster sr = src.getRaster();
        int bands = sr.getNumBands();
        int[] row = new int[w];
        for (int b = 0; b < bands; b++) {
            for (int y = 0; y < h; y++) {
                sr.getSamples(0, y, w, 1, b, row);
                for (int x = 0; x < w; x++) {
                    switch (deg) {
                        case 90 -> dr.setSample(h - 1 - y, x, b, row[x]);
                        case 180 -> dr.setSample(w - 1 - x, h - 1 - y, b, row[x]);
                        default -> dr.setSample(y, w - 1 - x, b, row[x]);
                    }
                }
            }
        }
        return new BufferedImage(cm, dr, cm.isAlphaPremultiplied(), null);
    }

    /**
     * Turns an image clockwise by a small angle (degrees) with bilinear interpolation. The canvas
     * grows to hold the whole turned page; uncovered corners are white. Grey images stay grey;
     * anything else comes back as {@code TYPE_INT_RGB}.
     */
    public static BufferedImage rotateSmall(BufferedImage src, double clockwiseDegrees) {
        if (Math.abs(clockwiseDegrees) < 1e-3) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        double a = Math.toRadians(clockwiseDegrees);
        double cos = Math.cos(a);
        double sin = Math.sin(a);
        int nw = turnedWidth(w, h, clockwiseDegrees);
        int nh = turnedHeight(w, h, clockwiseDegrees);
        double cx = w / 2.0;
        double cy = h / 2.0;
        double ncx = nw / 2.0;
        double ncy = nh / 2.0;
        boolean grey = src.getType() == BufferedImage.TYPE_BYTE_GRAY;
        BufferedImage in = grey ? toGrey(src) : toRgb(src);
        BufferedImage out = new BufferedImage(nw, nh, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        byte[] gs = grey ? pixels(in) : null;
        byte[] gd = grey ? pixels(out) : null;
        int[] cs = grey ? null : ((java.awt.image.DataBufferInt) in.getRaster().getDataBuffer()).getData();
        int[] cd = grey ? null : ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (grey) {
            turnGrey(gs, w, h, gd, nw, nh, cos, sin, cx, cy, ncx, ncy);
            return out;
        }
        for (int y = 0; y < nh; y++) {
            double dy = y + 0.5 - ncy;
            for (int x = 0; x < nw; x++) {
                double dx = x + 0.5 - ncx;
                // inverse of a clockwise turn (y axis down): rotate the destination point back
                double sx = dx * cos + dy * sin + cx - 0.5;
                double sy = -dx * sin + dy * cos + cy - 0.5;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double fx = sx - x0;
                double fy = sy - y0;
                int c00 = rgbAt(cs, w, h, x0, y0);
                int c10 = rgbAt(cs, w, h, x0 + 1, y0);
                int c01 = rgbAt(cs, w, h, x0, y0 + 1);
                int c11 = rgbAt(cs, w, h, x0 + 1, y0 + 1);
                int c = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    double v = (((c00 >> shift) & 0xff) * (1 - fx) + ((c10 >> shift) & 0xff) * fx) * (1 - fy)
                            + (((c01 >> shift) & 0xff) * (1 - fx) + ((c11 >> shift) & 0xff) * fx) * fy;
                    c |= ((int) Math.round(v)) << shift;
                }
                cd[y * nw + x] = c;
            }
        }
        return out;
    }

    /**
     * The grey case of {@link #rotateSmall}: the source point of each destination pixel stepped along the row in
     * 32.32 fixed point (exact at each row's start), bilinear weights in 1/4096ths; within a grey level of the
     * floating-point sum, at a fraction of its cost.
     */
    private static void turnGrey(byte[] src, int w, int h, byte[] dst, int nw, int nh, double cos, double sin,
                                 double cx, double cy, double ncx, double ncy) {
        final double one = 4294967296.0; // 2^32
        long stepX = Math.round(cos * one);
        long stepY = Math.round(-sin * one);
        for (int y = 0; y < nh; y++) {
            double dy = y + 0.5 - ncy;
            double dx = 0.5 - ncx;
            long sx = Math.round((dx * cos + dy * sin + cx - 0.5) * one);
            long sy = Math.round((-dx * sin + dy * cos + cy - 0.5) * one);
            int row = y * nw;
            int x = 0;
            while (x < nw) {
                int x0 = (int) (sx >> 32);
                int y0 = (int) (sy >> 32);
                if (x0 >= 0 && y0 >= 0 && x0 + 1 < w && y0 + 1 < h) {
                    // the stretch of the row whose source lies inside the page: no edge to test pixel by pixel
                    int n = insideSteps(sx, sy, stepX, stepY, w, h, nw - x);
                    turnGreyInside(src, w, dst, row + x, n, sx, sy, stepX, stepY);
                    x += n;
                    sx += n * stepX;
                    sy += n * stepY;
                    continue;
                }
                int fx = (int) (sx >>> 20) & 0xfff;
                int fy = (int) (sy >>> 20) & 0xfff;
                int p00 = greyAt(src, w, h, x0, y0);
                int p10 = greyAt(src, w, h, x0 + 1, y0);
                int p01 = greyAt(src, w, h, x0, y0 + 1);
                int p11 = greyAt(src, w, h, x0 + 1, y0 + 1);
                long top = p00 * (4096 - fx) + p10 * fx;
                long bottom = p01 * (4096 - fx) + p11 * fx;
                dst[row + x] = (byte) ((top * (4096 - fy) + bottom * fy + (1L << 23)) >> 24);
                x++;
                sx += stepX;
                sy += stepY;
            }
        }
    }

    /**
     * How many steps from source point ({@code sx}, {@code sy}) (inside the page, 32.32 fixed point) stay inside it,
     * its 2x2 neighbourhood included, at most {@code max}: each bound is crossed at most once along a row, so the
     * count is worked out, not tested for. One step short of the exact count (never over it): the caller tests
     * the next point itself.
     */
    static int insideSteps(long sx, long sy, long stepX, long stepY, int w, int h, int max) {
        long n = max;
        n = Math.min(n, stepsBelow(sx, stepX, (long) (w - 1) << 32));
        n = Math.min(n, stepsBelow(sy, stepY, (long) (h - 1) << 32));
        return (int) Math.max(1, n);
    }

    /** Steps {@code v + k step} stays within [0, limit) for k = 0 .. result - 1, less one (at least 1). */
    private static long stepsBelow(long v, long step, long limit) {
        long k;
        if (step > 0) {
            k = (limit - v - 1) / step + 1; // the first k with v + k step >= limit
        } else if (step < 0) {
            k = v / -step + 1; // the first k with v + k step < 0
        } else {
            return Long.MAX_VALUE;
        }
        return Math.max(1, k - 1);
    }

    /** {@code n} destination pixels from {@code at} whose source points all lie inside the page. */
    private static void turnGreyInside(byte[] src, int w, byte[] dst, int at, int n, long sx, long sy, long stepX,
                                       long stepY) {
        for (int j = 0; j < n; j++, sx += stepX, sy += stepY) {
            int x0 = (int) (sx >> 32);
            int y0 = (int) (sy >> 32);
            int fx = (int) (sx >>> 20) & 0xfff;
            int fy = (int) (sy >>> 20) & 0xfff;
            int i = y0 * w + x0;
            int p00 = src[i] & 0xff;
            int p10 = src[i + 1] & 0xff;
            int p01 = src[i + w] & 0xff;
            int p11 = src[i + w + 1] & 0xff;
            long top = p00 * (4096 - fx) + p10 * fx;
            long bottom = p01 * (4096 - fx) + p11 * fx;
            dst[at + j] = (byte) ((top * (4096 - fy) + bottom * fy + (1L << 23)) >> 24);
        }
    }

    private static int greyAt(byte[] p, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? WHITE : p[y * w + x] & 0xff;
    }

    private static int rgbAt(int[] p, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0xffffff : p[y * w + x];
    }

    private static BufferedImage toRgb(BufferedImage src) {
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            return src;
        }
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, src.getWidth(), src.getHeight());
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    static int turnedWidth(int w, int h, double degrees) {
        double a = Math.toRadians(degrees);
        return (int) Math.ceil(w * Math.abs(Math.cos(a)) + h * Math.abs(Math.sin(a)) - 1e-6);
    }

    static int turnedHeight(int w, int h, double degrees) {
        double a = Math.toRadians(degrees);
        return (int) Math.ceil(w * Math.abs(Math.sin(a)) + h * Math.abs(Math.cos(a)) - 1e-6);
    }

    /**
     * Shrinks a grey image by an integer factor, each output pixel the mean of a factor x factor
     * block (partial blocks at the right and bottom edges are averaged over what they hold).
     */
    public static BufferedImage downscale(BufferedImage grey, int factor) {
        if (factor <= 1) {
            return toGrey(grey);
        }
        BufferedImage g = toGrey(grey);
        int w = g.getWidth();
        int h = g.getHeight();
        int nw = (w + factor - 1) / factor;
        int nh = (h + factor - 1) / factor;
        BufferedImage out = new BufferedImage(nw, nh, BufferedImage.TYPE_BYTE_GRAY);
        byte[] s = pixels(g);
        byte[] d = pixels(out);
        int[] sum = new int[nw];
        int[] cnt = new int[nw];
        for (int oy = 0; oy < nh; oy++) {
            java.util.Arrays.fill(sum, 0);
            java.util.Arrays.fill(cnt, 0);
            int yEnd = Math.min(h, (oy + 1) * factor);
            for (int y = oy * factor; y < yEnd; y++) {
                int row = y * w;
                for (int x = 0; x < w; x++) {
                    int ox = x / factor;
                    sum[ox] += s[row + x] & 0xff;
                    cnt[ox]++;
                }
            }
            int o = oy * nw;
            for (int ox = 0; ox < nw; ox++) {
                d[o + ox] = (byte) (sum[ox] / cnt[ox]);
            }
        }
        return out;
    }

    /**
     * The upright page: the raw image with each transform applied in order. The raw image is left
     * untouched; with no transforms the raw image itself is returned.
     */
    public static BufferedImage render(BufferedImage raw, List<Transform> transforms) {
        BufferedImage img = raw;
        for (Transform t : transforms) {
            if (t instanceof Transform.Rotate r) {
                img = rotateQuadrant(img, r.degrees());
            } else if (t instanceof Transform.Deskew d) {
                img = rotateSmall(img, d.degrees());
            }
        }
        return img;
    }

    /**
     * Where a rectangle of the raw image lands on the upright page {@link #render} makes: the
     * bounding box of its turned corners.
     */
    public static Rectangle mapToUpright(Rectangle r, int rawW, int rawH, List<Transform> transforms) {
        Point2D.Double[] pts = {
            new Point2D.Double(r.x, r.y), new Point2D.Double(r.x + r.width, r.y),
            new Point2D.Double(r.x, r.y + r.height), new Point2D.Double(r.x + r.width, r.y + r.height)
        };
        int w = rawW;
        int h = rawH;
        for (Transform t : transforms) {
            if (t instanceof Transform.Rotate rot) {
                for (Point2D.Double p : pts) {
                    double x = p.x;
                    double y = p.y;
                    switch (rot.degrees()) {
                        case 90 -> p.setLocation(h - y, x);
                        case 180 -> p.setLocation(w - x, h - y);
                        case 270 -> p.setLocation(y, w - x);
                        default -> { }
                    }
                }
                if (rot.degrees() % 180 != 0) {
                    int tmp = w;
                    w = h;
                    h = tmp;
                }
            } else if (t instanceof Transform.Deskew d && Math.abs(d.degrees()) >= 1e-3) {
                double a = Math.toRadians(d.degrees());
                double cos = Math.cos(a);
                double sin = Math.sin(a);
                int nw = turnedWidth(w, h, d.degrees());
                int nh = turnedHeight(w, h, d.degrees());
                for (Point2D.Double p : pts) {
                    double dx = p.x - w / 2.0;
                    double dy = p.y - h / 2.0;
                    p.setLocation(dx * cos - dy * sin + nw / 2.0, dx * sin + dy * cos + nh / 2.0);
                }
                w = nw;
                h = nh;
            }
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Point2D.Double p : pts) {
            minX = Math.min(minX, p.x);
            minY = Math.min(minY, p.y);
            maxX = Math.max(maxX, p.x);
            maxY = Math.max(maxY, p.y);
        }
        int x0 = (int) Math.floor(minX);
        int y0 = (int) Math.floor(minY);
        return new Rectangle(x0, y0, (int) Math.ceil(maxX) - x0, (int) Math.ceil(maxY) - y0);
    }

    /** The grey level at quantile {@code q} (0..1) of a 256-bin histogram holding {@code total} pixels. */
    public static int percentile(int[] hist, int total, double q) {
        long target = (long) Math.ceil(total * q);
        long acc = 0;
        for (int v = 0; v < hist.length; v++) {
            acc += hist[v];
            if (acc >= target) {
                return v;
            }
        }
        return hist.length - 1;
    }
}
