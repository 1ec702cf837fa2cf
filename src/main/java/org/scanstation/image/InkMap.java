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
        int[] hist = GreyLevels.of(px);
        if (factor == 1 && hist[0] + hist[255] == px.length) {
            // a bilevel scan at its own resolution: faint strokes broken into specks are joined again, and a lone
            // speck of noise fades, by a 3x3 mean (at 300 dpi and more the reduction above averages already)
            px = px.clone();
            box3(px, small.getWidth(), small.getHeight());
            hist = GreyLevels.of(px);
        }
        int paper = ImageOps.percentile(hist, px.length, 0.5);
        int threshold = threshold(hist, px.length, paper);
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

    /** 3x3 mean, in place (edge pixels keep their value). */
    private static void box3(byte[] px, int w, int h) {
        byte[] src = px.clone();
        int[] columns = new int[w]; // each column's three pixels around the row
        for (int y = 1; y < h - 1; y++) {
            int above = (y - 1) * w;
            int row = y * w;
            int below = (y + 1) * w;
            for (int x = 0; x < w; x++) {
                columns[x] = (src[above + x] & 0xff) + (src[row + x] & 0xff) + (src[below + x] & 0xff);
            }
            for (int x = 1; x < w - 1; x++) {
                px[row + x] = (byte) ((columns[x - 1] + columns[x] + columns[x + 1]) / 9);
            }
        }
    }

    /**
     * Grey level below which a pixel is ink: well below the paper, by a fifth of its level or by five times
     * the paper's own grain (the spread of its brighter half), whichever is more. A fixed share of the paper
     * level (the paper at 62 %) lost the strokes of a grey, low-contrast, noisy 200-dpi scan altogether.
     */
    static int threshold(int[] hist, int total, int paper) {
        int grain = Math.max(0, ImageOps.percentile(hist, total, 0.75) - paper);
        return paper - Math.max((int) Math.round(paper * 0.2), 5 * grain);
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
