package org.scanstation.image;

import java.awt.image.BufferedImage;

/**
 * A page reduced to about 150 dpi and split into ink and paper: the common input of skew and
 * orientation detection. Paper is the page's median grey; ink is anything clearly darker.
 */
final class InkMap {

    /** Long side of the reduced page, in pixels (about 150 dpi for A4). */
    static final int TARGET_LONG_SIDE = 1750;

    final int width;
    final int height;
    final int factor;
    final boolean[] ink;
    final int inkCount;

    private InkMap(int width, int height, int factor, boolean[] ink, int inkCount) {
        this.width = width;
        this.height = height;
        this.factor = factor;
        this.ink = ink;
        this.inkCount = inkCount;
    }

    static InkMap of(BufferedImage page) {
        BufferedImage grey = ImageOps.toGrey(page);
        int factor = Math.max(1, Math.round(Math.max(grey.getWidth(), grey.getHeight()) / (float) TARGET_LONG_SIDE));
        BufferedImage small = ImageOps.downscale(grey, factor);
        byte[] px = ImageOps.pixels(small);
        int[] hist = new int[256];
        for (byte b : px) {
            hist[b & 0xff]++;
        }
        int paper = percentile(hist, px.length, 0.5);
        int threshold = (int) (paper * 0.62);
        boolean[] ink = new boolean[px.length];
        int count = 0;
        if (paper - threshold >= 40) {
            for (int i = 0; i < px.length; i++) {
                if ((px[i] & 0xff) < threshold) {
                    ink[i] = true;
                    count++;
                }
            }
        }
        return new InkMap(small.getWidth(), small.getHeight(), factor, ink, count);
    }

    static int percentile(int[] hist, int total, double q) {
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

    /** Coordinates of the ink pixels; when transposed, x and y are swapped (vertical text lines). */
    int[][] points(boolean transposed) {
        int[] xs = new int[inkCount];
        int[] ys = new int[inkCount];
        int n = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (ink[row + x]) {
                    xs[n] = transposed ? y : x;
                    ys[n] = transposed ? x : y;
                    n++;
                }
            }
        }
        return new int[][] {xs, ys};
    }
}
