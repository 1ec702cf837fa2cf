package org.scanstation.barcode;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * An immutable 8-bit grey image (0 = black, 255 = white) held as one byte array: the working form
 * of a page for barcode search and decoding.
 */
final class GreyImage {

    final int width;
    final int height;
    /** Row-major luminance, unsigned bytes. */
    final byte[] pixels;

    GreyImage(int width, int height, byte[] pixels) {
        if (width <= 0 || height <= 0 || pixels.length < width * height) {
            throw new IllegalArgumentException("bad grey image size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    int get(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** Converts any BufferedImage (grey, bilevel, RGB, with or without alpha) to grey. */
    static GreyImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] out = new byte[w * h];
        Raster raster = image.getRaster();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
                && raster.getSampleModel() instanceof ComponentSampleModel csm
                && raster.getDataBuffer() instanceof DataBufferByte dbb) {
            byte[] data = dbb.getData();
            int stride = csm.getScanlineStride();
            int px = csm.getPixelStride();
            int base = dbb.getOffset() + csm.getOffset(
                    raster.getMinX() - raster.getSampleModelTranslateX(),
                    raster.getMinY() - raster.getSampleModelTranslateY());
            if (base == 0 && px == 1 && stride == w && data.length == w * h) {
                // the page's own pixels, rows as they are (the search only reads them): no page-sized copy
                return new GreyImage(w, h, data);
            }
            for (int y = 0; y < h; y++) {
                int src = base + y * stride;
                if (px == 1) {
                    System.arraycopy(data, src, out, y * w, w);
                } else {
                    for (int x = 0; x < w; x++) {
                        out[y * w + x] = data[src + x * px];
                    }
                }
            }
            return new GreyImage(w, h, out);
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_BINARY
                && raster.getSampleModel() instanceof MultiPixelPackedSampleModel mpp
                && mpp.getPixelBitStride() == 1
                && raster.getDataBuffer() instanceof DataBufferByte dbb
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0) {
            byte[] data = dbb.getData();
            int stride = mpp.getScanlineStride();
            // palette decides which bit value is white
            int white0 = (image.getColorModel().getRGB(0) & 0xFF) > 127 ? 1 : 0;
            byte zero = (byte) (white0 == 1 ? 255 : 0);
            byte one = (byte) (white0 == 1 ? 0 : 255);
            int off = dbb.getOffset() + mpp.getOffset(0, 0);
            for (int y = 0; y < h; y++) {
                int row = off + y * stride;
                for (int x = 0; x < w; x++) {
                    int bit = (data[row + (x >> 3)] >> (7 - (x & 7))) & 1;
                    out[y * w + x] = bit == 0 ? zero : one;
                }
            }
            return new GreyImage(w, h, out);
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB
                || image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_4BYTE_ABGR
                || image.getType() == BufferedImage.TYPE_INT_BGR) {
            // standard colour layouts: read whole rows of samples at once
            boolean alpha = image.getColorModel().hasAlpha();
            boolean bgr = image.getType() == BufferedImage.TYPE_INT_BGR;
            int bands = raster.getNumBands();
            int[] samples = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, samples);
                for (int x = 0; x < w; x++) {
                    int i = x * bands;
                    int r = samples[i];
                    int g = samples[i + 1];
                    int b = samples[i + 2];
                    if (bgr) {
                        int t = r;
                        r = b;
                        b = t;
                    }
                    int lum = (r * 299 + g * 587 + b * 114) / 1000;
                    if (alpha) {
                        int a = samples[i + 3];
                        lum = (lum * a + 255 * (255 - a)) / 255;
                    }
                    out[y * w + x] = (byte) lum;
                }
            }
            return new GreyImage(w, h, out);
        }
        if (image.getColorModel() instanceof java.awt.image.ComponentColorModel ccm
                && (ccm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_RGB
                    || ccm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY)
                && ccm.getComponentSize(0) <= 16 && raster.getNumBands() == ccm.getNumComponents()) {
            // e.g. TIFF pages (TYPE_CUSTOM): grey or RGB, 8 or 16 bits, with or without alpha
            boolean rgb = ccm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_RGB;
            boolean alpha = ccm.hasAlpha();
            int shift = ccm.getComponentSize(0) > 8 ? ccm.getComponentSize(0) - 8 : 0;
            int bands = raster.getNumBands();
            int[] samples = new int[w * bands];
            for (int y = 0; y < h; y++) {
                raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, samples);
                for (int x = 0; x < w; x++) {
                    int i = x * bands;
                    int lum = rgb
                            ? ((samples[i] >> shift) * 299 + (samples[i + 1] >> shift) * 587
                                + (samples[i + 2] >> shift) * 114) / 1000
                            : samples[i] >> shift;
                    if (alpha) {
                        int a = samples[i + bands - 1] >> shift;
                        lum = (lum * a + 255 * (255 - a)) / 255;
                    }
                    out[y * w + x] = (byte) Math.min(255, lum);
                }
            }
            return new GreyImage(w, h, out);
        }
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int argb = row[x];
                int a = argb >>> 24;
                int r = (argb >> 16) & 0xFF;
                int g = (argb >> 8) & 0xFF;
                int b = argb & 0xFF;
                int lum = (r * 299 + g * 587 + b * 114) / 1000;
                // transparent pixels count as paper
                lum = (lum * a + 255 * (255 - a)) / 255;
                out[y * w + x] = (byte) lum;
            }
        }
        return new GreyImage(w, h, out);
    }

    /** Average of each factor x factor block (a cheap, noise-reducing downscale). */
    GreyImage downscale(int factor) {
        int w = width / factor;
        int h = height / factor;
        byte[] out = new byte[w * h];
        if (factor == 2) {
            return halved(w, h, out);
        }
        int[] acc = new int[w];
        int area = factor * factor;
        for (int y = 0; y < h; y++) {
            Arrays.fill(acc, 0);
            for (int dy = 0; dy < factor; dy++) {
                int row = (y * factor + dy) * width;
                for (int x = 0; x < w; x++) {
                    int s = row + x * factor;
                    int sum = 0;
                    for (int dx = 0; dx < factor; dx++) {
                        sum += pixels[s + dx] & 0xFF;
                    }
                    acc[x] += sum;
                }
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (acc[x] / area);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** {@link #downscale} by 2: the mean of each 2x2 block, rounded down. */
    private GreyImage halved(int w, int h, byte[] out) {
        for (int y = 0; y < h; y++) {
            int top = 2 * y * width;
            int bottom = top + width;
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int s = 2 * x;
                out[o + x] = (byte) (((pixels[top + s] & 0xFF) + (pixels[top + s + 1] & 0xFF)
                        + (pixels[bottom + s] & 0xFF) + (pixels[bottom + s + 1] & 0xFF)) >> 2);
            }
        }
        return new GreyImage(w, h, out);
    }

    /** The part of this image inside r (clipped to the image). */
    GreyImage crop(Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, width, height));
        byte[] out = new byte[c.width * c.height];
        for (int y = 0; y < c.height; y++) {
            System.arraycopy(pixels, (c.y + y) * width + c.x, out, y * c.width, c.width);
        }
        return new GreyImage(c.width, c.height, out);
    }

    /** Turned 90 degrees clockwise. */
    GreyImage rotate90() {
        int w = height;
        int h = width;
        byte[] out = new byte[w * h];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int nx = height - 1 - y;
            for (int x = 0; x < width; x++) {
                out[x * w + nx] = pixels[row + x];
            }
        }
        return new GreyImage(w, h, out);
    }

    /**
     * Turned by an arbitrary angle (bilinear), so that a direction at angle a (image coordinates)
     * ends up at a + radians. The canvas grows to hold the whole image; new corners get the
     * given background value.
     */
    GreyImage rotate(double radians, int background) {
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        int w = (int) Math.ceil(Math.abs(width * c) + Math.abs(height * s));
        int h = (int) Math.ceil(Math.abs(width * s) + Math.abs(height * c));
        byte[] out = new byte[w * h];
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double ox = (w - 1) / 2.0;
        double oy = (h - 1) / 2.0;
        for (int v = 0; v < h; v++) {
            double dy = v - oy;
            for (int u = 0; u < w; u++) {
                double dx = u - ox;
                // inverse mapping: rotate the destination point back by -radians
                double x = dx * c + dy * s + cx;
                double y = -dx * s + dy * c + cy;
                int x0 = (int) Math.floor(x);
                int y0 = (int) Math.floor(y);
                int value;
                if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) {
                    value = background;
                } else {
                    double fx = x - x0;
                    double fy = y - y0;
                    int i = y0 * width + x0;
                    double top = (pixels[i] & 0xFF) * (1 - fx) + (pixels[i + 1] & 0xFF) * fx;
                    double bottom = (pixels[i + width] & 0xFF) * (1 - fx) + (pixels[i + width + 1] & 0xFF) * fx;
                    value = (int) Math.round(top * (1 - fy) + bottom * fy);
                }
                out[v * w + u] = (byte) value;
            }
        }
        return new GreyImage(w, h, out);
    }

    /**
     * The dominant gradient direction (radians, image coordinates, in (-pi/2, pi/2]) and how
     * strongly the texture agrees with it (coherence 0..1): parallel bars give high coherence
     * with the gradient across the bars.
     */
    double[] dominantGradient() {
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int step = Math.max(1, Math.min(width, height) / 200);
        for (int y = 1; y < height - 1; y += step) {
            for (int x = 1; x < width - 1; x += step) {
                int i = y * width + x;
                int gx = (pixels[i + 1] & 0xFF) - (pixels[i - 1] & 0xFF);
                int gy = (pixels[i + width] & 0xFF) - (pixels[i - width] & 0xFF);
                sxx += gx * gx;
                syy += gy * gy;
                sxy += gx * gy;
            }
        }
        double trace = sxx + syy;
        if (trace <= 0) {
            return new double[] {0, 0};
        }
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
        double coherence = Math.sqrt((sxx - syy) * (sxx - syy) + 4 * sxy * sxy) / trace;
        return new double[] {angle, coherence};
    }

    /**
     * The angle (radians, in (-pi/4, pi/4]) of a square grid texture such as a DataMatrix: edges
     * at a and a + 90 degrees both count, via the fourth power of the gradient.
     */
    double gridAngle() {
        double re = 0;
        double im = 0;
        int step = Math.max(1, Math.min(width, height) / 200);
        for (int y = 1; y < height - 1; y += step) {
            for (int x = 1; x < width - 1; x += step) {
                int i = y * width + x;
                double gx = sobelX(i);
                double gy = sobelY(i);
                double m2 = gx * gx + gy * gy;
                if (m2 == 0) {
                    continue;
                }
                // (gx + i gy)^4 / |g|^2: angle 4a, weight |g|^2
                double r2 = gx * gx - gy * gy;
                double i2 = 2 * gx * gy;
                re += (r2 * r2 - i2 * i2) / m2;
                im += (2 * r2 * i2) / m2;
            }
        }
        return Math.atan2(im, re) / 4;
    }

    /** Sobel derivatives: closer to isotropic than a plain difference, so angles come out unbiased. */
    private int sobelX(int i) {
        int w = width;
        return (px(i - w + 1) + 2 * px(i + 1) + px(i + w + 1)) - (px(i - w - 1) + 2 * px(i - 1) + px(i + w - 1));
    }

    private int sobelY(int i) {
        int w = width;
        return (px(i + w - 1) + 2 * px(i + w) + px(i + w + 1)) - (px(i - w - 1) + 2 * px(i - w) + px(i - w + 1));
    }

    private int px(int i) {
        return pixels[i] & 0xFF;
    }

    /** Largest value (the paper, on a crop around a symbol). */
    int brightest() {
        int max = 0;
        for (byte b : pixels) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }

    /** Nearest-neighbour enlargement by an integer factor (helps small 2D modules). */
    GreyImage upscale(int factor) {
        int w = width * factor;
        int h = height * factor;
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int src = (y / factor) * width;
            int dst = y * w;
            for (int x = 0; x < w; x++) {
                out[dst + x] = pixels[src + x / factor];
            }
        }
        return new GreyImage(w, h, out);
    }

    /** 3x3 median filter: removes salt-and-pepper specks, keeps bar edges. Borders are copied. */
    GreyImage median3() {
        byte[] out = pixels.clone();
        int[] v = new int[9];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int k = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int row = (y + dy) * width + x;
                    v[k++] = pixels[row - 1] & 0xFF;
                    v[k++] = pixels[row] & 0xFF;
                    v[k++] = pixels[row + 1] & 0xFF;
                }
                out[y * width + x] = (byte) median9(v);
            }
        }
        return new GreyImage(width, height, out);
    }

    private static int median9(int[] v) {
        if (v[0] == v[1] && v[0] == v[2] && v[0] == v[3] && v[0] == v[4] && v[0] == v[5] && v[0] == v[6]
                && v[0] == v[7] && v[0] == v[8]) {
            return v[0]; // plain paper or solid ink
        }
        // partial insertion sort up to the middle element
        for (int i = 1; i < 9; i++) {
            int t = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > t) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = t;
        }
        return v[4];
    }
}
