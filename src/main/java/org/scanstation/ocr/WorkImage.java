package org.scanstation.ocr;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A page reduced to about 150 dpi grey (box average) for fast layout analysis, with its scale to the
 * page, its resolution and the paper's grey level. Pixels are 0 (black) .. 255 (white).
 */
final class WorkImage {

    static final double WORK_DPI = 150;

    final int width;
    final int height;
    /** Grey levels 0..255 (read with {@code & 0xff}); the page's own pixels when it is at the work resolution. */
    final byte[] grey;
    /** Page pixels per work pixel. */
    final int scale;
    /** Work pixels per inch. */
    final double dpi;
    /** The most common grey level of the paper. */
    final int background;

    private WorkImage(int width, int height, byte[] grey, int scale, double dpi) {
        this.width = width;
        this.height = height;
        this.grey = grey;
        this.scale = scale;
        this.dpi = dpi;
        this.background = paperLevel(grey);
    }

    static WorkImage of(BufferedImage page, double pageDpi) {
        int scale = Math.max(1, (int) Math.round(pageDpi / WORK_DPI));
        BufferedImage g = asGrey(page);
        int pw = g.getWidth();
        int ph = g.getHeight();
        int w = pw / scale;
        int h = ph / scale;
        if (scale == 1 && g.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte bytes
                && g.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                && sm.getPixelStride() == 1 && sm.getScanlineStride() == pw && g.getRaster().getSampleModelTranslateX() == 0
                && g.getRaster().getSampleModelTranslateY() == 0 && bytes.getOffset() == 0
                && bytes.getData().length == pw * ph) {
            // at the work resolution already (a 150- or 200-dpi page): its own pixels, only ever read
            return new WorkImage(w, h, bytes.getData(), scale, pageDpi / scale);
        }
        byte[] out = new byte[w * h];
        byte[] row = new byte[pw];
        int[] sums = new int[w];
        var raster = g.getRaster();
        for (int y = 0; y < h; y++) {
            java.util.Arrays.fill(sums, 0);
            for (int dy = 0; dy < scale; dy++) {
                raster.getDataElements(0, y * scale + dy, pw, 1, row);
                for (int x = 0; x < w; x++) {
                    int base = x * scale;
                    for (int dx = 0; dx < scale; dx++) {
                        sums[x] += row[base + dx] & 0xff;
                    }
                }
            }
            int n = scale * scale;
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (byte) (sums[x] / n);
            }
        }
        return new WorkImage(w, h, out, scale, pageDpi / scale);
    }

    private static BufferedImage asGrey(BufferedImage page) {
        if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return page;
        }
        BufferedImage g = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D gr = g.createGraphics();
        gr.drawImage(page, 0, 0, null);
        gr.dispose();
        return g;
    }

    private static int paperLevel(byte[] grey) {
        int[] hist = org.scanstation.image.GreyLevels.of(grey);
        int best = 255;
        for (int v = 255; v >= 96; v--) {
            if (hist[v] > hist[best]) {
                best = v;
            }
        }
        return best;
    }

    int at(int x, int y) {
        return grey[y * width + x] & 0xff;
    }

    /** Work pixels in a length in millimetres (at least 1). */
    int mm(double millimetres) {
        return Math.max(1, (int) Math.round(millimetres * dpi / 25.4));
    }

    /** Grey level below which a pixel is ink (text, bars) rather than paper or noise. */
    int inkLevel() {
        return (int) (background * 0.62);
    }

    Rectangle toPage(Rectangle r) {
        return new Rectangle(r.x * scale, r.y * scale, r.width * scale, r.height * scale);
    }

    Rectangle toWork(Rectangle r) {
        int x0 = Math.max(0, r.x / scale);
        int y0 = Math.max(0, r.y / scale);
        int x1 = Math.min(width, (r.x + r.width + scale - 1) / scale);
        int y1 = Math.min(height, (r.y + r.height + scale - 1) / scale);
        return new Rectangle(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
