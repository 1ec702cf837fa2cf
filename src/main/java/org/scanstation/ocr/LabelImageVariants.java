package org.scanstation.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayDeque;

/**
 * Other ways of looking at a label crop (grey, paper white, ink black, see {@link LabelCrop}) for a harder
 * read: enlarged smoothly, with broken strokes joined, with thin strokes thickened, with loose specks
 * removed. Each returns a new grey image; the crop itself is never changed. Used only on the few labels
 * the first look could not read in full.
 */
final class LabelImageVariants {

    /** Grey level below which a pixel is ink in a binarised variant. */
    private static final int INK = 128;

    private LabelImageVariants() {
    }

    /** Enlarged by {@code scale} with bicubic interpolation (a 200-dpi crop's letters are too small for Tesseract). */
    static BufferedImage enlarged(BufferedImage crop, double scale) {
        int w = Math.max(1, (int) Math.round(crop.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(crop.getHeight() * scale));
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(crop, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return big;
    }

    /**
     * Enlarged, blurred by about a third of an original pixel's width and thresholded on the ink side:
     * strokes that a bilevel scan broke into rows of specks are joined again into lines Tesseract can read.
     */
    static BufferedImage joined(BufferedImage crop, double scale) {
        BufferedImage big = enlarged(crop, scale);
        int radius = Math.max(1, (int) Math.round(scale / 2));
        byte[] p = pixels(big);
        boxBlur(p, big.getWidth(), big.getHeight(), radius);
        threshold(p, 200);
        return big;
    }

    /** Each ink pixel spread to its right and lower neighbours, then enlarged: thin, faint strokes made bolder. */
    static BufferedImage thickened(BufferedImage crop, double scale) {
        BufferedImage copy = copy(crop);
        byte[] p = pixels(copy);
        int w = copy.getWidth();
        int h = copy.getHeight();
        byte[] src = p.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = src[y * w + x] & 0xff;
                if (x > 0) {
                    v = Math.min(v, src[y * w + x - 1] & 0xff);
                }
                if (y > 0) {
                    v = Math.min(v, src[(y - 1) * w + x] & 0xff);
                }
                p[y * w + x] = (byte) v;
            }
        }
        return enlarged(copy, scale);
    }

    /**
     * Binarised, with groups of ink pixels smaller than {@code minPixels} (dust, noise; smaller than a
     * full stop) painted white, then enlarged.
     */
    static BufferedImage despeckled(BufferedImage crop, double scale, int minPixels) {
        BufferedImage copy = copy(crop);
        byte[] p = pixels(copy);
        threshold(p, INK);
        removeSmallInk(p, copy.getWidth(), copy.getHeight(), minPixels);
        return enlarged(copy, scale);
    }

    static void threshold(byte[] p, int level) {
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) ((p[i] & 0xff) < level ? 0 : 255);
        }
    }

    /** Paints white every 8-connected group of ink (black) pixels with fewer than {@code minPixels}. */
    static void removeSmallInk(byte[] p, int w, int h, int minPixels) {
        boolean[] seen = new boolean[p.length];
        int[] members = new int[Math.max(1, minPixels)];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < p.length; s++) {
            if (seen[s] || p[s] != 0) {
                continue;
            }
            seen[s] = true;
            queue.add(s);
            int count = 0;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                if (count < members.length) {
                    members[count] = i;
                }
                count++;
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            int j = ny * w + nx;
                            if (!seen[j] && p[j] == 0) {
                                seen[j] = true;
                                queue.add(j);
                            }
                        }
                    }
                }
            }
            if (count < minPixels) {
                for (int k = 0; k < count; k++) {
                    p[members[k]] = (byte) 255;
                }
            }
        }
    }

    /** Box blur of the given radius, horizontally then vertically (running sums). */
    static void boxBlur(byte[] p, int w, int h, int r) {
        int[] line = new int[Math.max(w, h)];
        int n = 2 * r + 1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                line[x] = p[row + x] & 0xff;
            }
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += line[clamp(k, w)];
            }
            for (int x = 0; x < w; x++) {
                p[row + x] = (byte) (sum / n);
                sum += line[clamp(x + r + 1, w)] - line[clamp(x - r, w)];
            }
        }
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = p[y * w + x] & 0xff;
            }
            int sum = 0;
            for (int k = -r; k <= r; k++) {
                sum += line[clamp(k, h)];
            }
            for (int y = 0; y < h; y++) {
                p[y * w + x] = (byte) (sum / n);
                sum += line[clamp(y + r + 1, h)] - line[clamp(y - r, h)];
            }
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }

    private static BufferedImage copy(BufferedImage grey) {
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(grey, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] pixels(BufferedImage grey) {
        return ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
    }
}
