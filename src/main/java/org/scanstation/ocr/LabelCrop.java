package org.scanstation.ocr;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Cuts a label region out of the page for OCR: grey, a white margin around it, the box's ruling and the
 * barcode bars painted out (OCR would read them as a line of I's), enlarged when the text is small.
 */
final class LabelCrop {

    private LabelCrop() {
    }

    static BufferedImage prepare(BufferedImage page, LabelLocator.LabelRegion region, double dpi,
                                 int minLineHeight, double maxUpscale) {
        BufferedImage crop = prepare(page, region, dpi);
        return scaled(crop, upscale(crop, minLineHeight, maxUpscale));
    }

    /** The label cut out, cleaned and levelled, at the page's own resolution. */
    static BufferedImage prepare(BufferedImage page, LabelLocator.LabelRegion region, double dpi) {
        Rectangle r = new Rectangle(region.bounds());
        int mm = (int) Math.round(dpi / 25.4);
        r.grow(Math.max(2, mm), Math.max(2, mm));
        r = r.intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        if (r.isEmpty()) {
            return new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        }
        int margin = Math.max(4, mm * 2);
        BufferedImage out = new BufferedImage(r.width + 2 * margin, r.height + 2 * margin, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(stretched(page.getSubimage(r.x, r.y, r.width, r.height)), margin, margin, null);
            for (Rectangle b : region.barcodes()) {
                Rectangle bar = new Rectangle(b);
                bar.grow(Math.max(2, mm / 2), Math.max(2, mm / 2));
                g.fillRect(bar.x - r.x + margin, bar.y - r.y + margin, bar.width, bar.height);
            }
        } finally {
            g.dispose();
        }
        if (Math.abs(region.angle()) >= 0.3) {
            out = level(out, region.angle());
        }
        removeRuling(out);
        return out;
    }

    /** The crop enlarged by a factor (itself when the factor is about 1). */
    static BufferedImage scaled(BufferedImage out, double scale) {
        if (scale <= 1.05) {
            return out;
        }
        int w = (int) Math.round(out.getWidth() * scale);
        int h = (int) Math.round(out.getHeight() * scale);
        BufferedImage big = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D bg = big.createGraphics();
        try {
            bg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            bg.drawImage(out, 0, 0, w, h, null);
        } finally {
            bg.dispose();
        }
        return big;
    }

    /**
     * A grey copy whose paper is white and whose darkest ink is black: a grey or noisy paper would
     * otherwise look like ink beside the white margin, and Tesseract's threshold would fall between them.
     */
    static BufferedImage stretched(BufferedImage region) {
        BufferedImage grey = new BufferedImage(region.getWidth(), region.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(region, 0, 0, null);
        g.dispose();
        var raster = grey.getRaster();
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] hist = new int[256];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                hist[v]++;
            }
        }
        int paper = 255;
        for (int v = 255; v >= 96; v--) {
            if (hist[v] > hist[paper]) {
                paper = v;
            }
        }
        long total = (long) w * h;
        long seen = 0;
        int black = 0;
        while (black < 255 && (seen += hist[black]) < total / 200) {
            black++;
        }
        if (paper - black < 40 || paper >= 250 && black <= 5) {
            return grey;
        }
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Math.max(0, Math.min(255, (v - black) * 255 / (paper - black)));
        }
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                row[x] = lut[row[x]];
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return grey;
    }

    /** Turns the crop back by the label's angle, so that its lines of text are level. */
    private static BufferedImage level(BufferedImage crop, double angle) {
        BufferedImage out = new BufferedImage(crop.getWidth(), crop.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.rotate(Math.toRadians(-angle), crop.getWidth() / 2.0, crop.getHeight() / 2.0);
            g.drawImage(crop, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Paints white the rows and columns that are mostly ink: the box's ruling, not text. */
    static void removeRuling(BufferedImage crop) {
        var raster = crop.getRaster();
        int w = crop.getWidth();
        int h = crop.getHeight();
        int ink = (int) (paperLevel(crop) * 0.62);
        int[] px = new int[Math.max(w, h)];
        int[] white = new int[Math.max(w, h)];
        java.util.Arrays.fill(white, 255);
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, px);
            if (countBelow(px, w, ink) >= 0.6 * w) {
                raster.setSamples(0, y, w, 1, 0, white);
            }
        }
        for (int x = 0; x < w; x++) {
            raster.getSamples(x, 0, 1, h, 0, px);
            if (countBelow(px, h, ink) >= 0.6 * h) {
                raster.setSamples(x, 0, 1, h, 0, white);
            }
        }
    }

    private static int countBelow(int[] px, int n, int level) {
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (px[i] < level) {
                c++;
            }
        }
        return c;
    }

    private static int paperLevel(BufferedImage crop) {
        var raster = crop.getRaster();
        int w = crop.getWidth();
        int[] row = new int[w];
        int[] hist = new int[256];
        for (int y = 0; y < crop.getHeight(); y += 2) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int v : row) {
                hist[v]++;
            }
        }
        int paper = 255;
        for (int v = 255; v >= 96; v--) {
            if (hist[v] > hist[paper]) {
                paper = v;
            }
        }
        return paper;
    }

    /** How much to enlarge so that the median text line is at least minLineHeight pixels tall. */
    static double upscale(BufferedImage crop, int minLineHeight, double maxUpscale) {
        int lineHeight = medianLineHeight(crop);
        if (lineHeight <= 0 || lineHeight >= minLineHeight) {
            return 1.0;
        }
        return Math.min(maxUpscale, (double) minLineHeight / lineHeight);
    }

    /** Median height of the runs of rows that hold ink (text lines), in pixels; 0 when none. */
    static int medianLineHeight(BufferedImage crop) {
        var raster = crop.getRaster();
        int w = crop.getWidth();
        int h = crop.getHeight();
        int[] row = new int[w];
        int ink = (int) (paperLevel(crop) * 0.62);
        java.util.List<Integer> heights = new java.util.ArrayList<>();
        int start = -1;
        for (int y = 0; y <= h; y++) {
            boolean inked = false;
            if (y < h) {
                raster.getSamples(0, y, w, 1, 0, row);
                int dark = 0;
                for (int v : row) {
                    if (v < ink) {
                        dark++;
                    }
                }
                inked = dark >= 2;
            }
            if (inked && start < 0) {
                start = y;
            } else if (!inked && start >= 0) {
                if (y - start >= 4) {
                    heights.add(y - start);
                }
                start = -1;
            }
        }
        if (heights.isEmpty()) {
            return 0;
        }
        java.util.Collections.sort(heights);
        return heights.get(heights.size() / 2);
    }
}
