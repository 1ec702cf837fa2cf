package org.scanstation.pdf;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.scanstation.image.ImageOps;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.OcrWord;

/**
 * Lays text that was already read from a region of the page (a patient label the analysis read on its own,
 * cleaned and enlarged) over that region's print, so that the text layer can carry it without reading the
 * region again. Each line of the text goes on one band of print, top to bottom; each word on one cluster of
 * ink in its band. The region's ruling and barcode bars are not print. When the print does not fall into as
 * many bands (or clusters) as the text has lines (or words), lines are spread evenly over the print and words
 * along their line by their length: searching and copying still find them, the highlight is approximate.
 */
public final class LabelTextLayout {

    /** A column or row inked along more than this share of the region is ruling, not print. */
    private static final double RULE_SHARE = 0.6;
    /** A band whose inked columns mostly span its height is a barcode. */
    private static final double BARCODE_SHARE = 0.3;

    private LabelTextLayout() {
    }

    /**
     * Where a label reading's text was read: its region with the millimetre of margin the label reader cuts
     * around it. The page text read for the text layer leaves this area out.
     */
    public static Rectangle readArea(LabelReading label, int dpi) {
        return label.readArea(dpi);
    }

    /**
     * The text layer of a labelled page: the words read on the page outside its labels, then each label's text
     * as the analysis read it, laid over the label's print.
     *
     * @param outsideLabels the page's text read with the labels' {@link #readArea}s left out
     * @param labels        the labels read on the page (those with a region)
     */
    public static OcrText withLabels(OcrText outsideLabels, BufferedImage page, int dpi, List<LabelReading> labels) {
        List<OcrWord> words = new ArrayList<>(outsideLabels.words());
        StringBuilder text = new StringBuilder(outsideLabels.text());
        for (LabelReading label : labels) {
            if (label.region() == null || label.rawText() == null) {
                continue;
            }
            words.addAll(place(page, readArea(label, dpi), label.rawText(), label.confidence()));
            text.append(label.rawText().strip()).append('\n');
        }
        return new OcrText(text.toString(), List.copyOf(words), outsideLabels.meanConfidence());
    }

    /**
     * @param page   the upright page the region was read from
     * @param region where the text was read, in {@code page}'s pixels
     * @param text   the text read there, lines separated by line breaks
     * @return its words with boxes in {@code page}'s pixels, in reading order; none when the text is blank
     */
    static List<OcrWord> place(BufferedImage page, Rectangle region, String text, float confidence) {
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String[] words = line.strip().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty()) {
                lines.add(words);
            }
        }
        Rectangle r = region.intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
        if (lines.isEmpty() || r.isEmpty()) {
            return List.of();
        }
        boolean[][] ink = ink(ImageOps.toGrey(page), r);
        List<int[]> bands = textBands(ink, r.height, r.width);
        List<int[]> lineBands = bands.size() == lines.size() ? bands : spread(bands, lines.size(), r.height);
        List<OcrWord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int[] band = lineBands.get(i);
            String[] words = lines.get(i);
            List<int[]> spans = wordSpans(ink, band, words, r.width);
            for (int w = 0; w < words.length; w++) {
                int[] x = spans.get(w);
                out.add(new OcrWord(words[w], confidence,
                        new Rectangle(r.x + x[0], r.y + band[0], Math.max(1, x[1] - x[0]), Math.max(1, band[1] - band[0]))));
            }
        }
        return out;
    }

    /** Which pixels of the region are ink: darker than halfway between its paper (median) and its darkest print. */
    private static boolean[][] ink(BufferedImage grey, Rectangle r) {
        int[] px = grey.getRaster().getSamples(r.x, r.y, r.width, r.height, 0, (int[]) null);
        int[] histogram = new int[256];
        for (int v : px) {
            histogram[v]++;
        }
        int paper = percentile(histogram, px.length / 2);
        int darkest = percentile(histogram, px.length / 500);
        int threshold = (paper + darkest) / 2;
        boolean[][] ink = new boolean[r.height][r.width];
        if (paper - darkest < 32) {
            return ink; // no print to speak of: lines are spread over the region
        }
        for (int y = 0; y < r.height; y++) {
            for (int x = 0; x < r.width; x++) {
                ink[y][x] = px[y * r.width + x] < threshold;
            }
        }
        clearRules(ink, r.width, r.height);
        return ink;
    }

    /** The grey level below which {@code rank} pixels lie. */
    private static int percentile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }

    /** Removes the region's ruling: rows and columns inked along most of it. */
    private static void clearRules(boolean[][] ink, int w, int h) {
        for (int y = 0; y < h; y++) {
            if (count(ink[y]) > RULE_SHARE * w) {
                Arrays.fill(ink[y], false);
            }
        }
        for (int x = 0; x < w; x++) {
            int n = 0;
            for (int y = 0; y < h; y++) {
                n += ink[y][x] ? 1 : 0;
            }
            if (n > RULE_SHARE * h) {
                for (int y = 0; y < h; y++) {
                    ink[y][x] = false;
                }
            }
        }
    }

    private static int count(boolean[] row) {
        int n = 0;
        for (boolean b : row) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /** Bands of rows holding print, top to bottom, barcode bands and specks left out; each {top, bottom}. */
    private static List<int[]> textBands(boolean[][] ink, int h, int w) {
        int minInk = Math.max(2, w / 200);
        List<int[]> bands = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= h; y++) {
            boolean inked = y < h && count(ink[y]) >= minInk;
            if (inked && start < 0) {
                start = y;
            } else if (!inked && start >= 0) {
                bands.add(new int[] {start, y});
                start = -1;
            }
        }
        List<int[]> text = new ArrayList<>();
        for (int[] b : bands) {
            if (b[1] - b[0] >= 4 && !isBarcode(ink, b, w)) {
                text.add(b);
            }
        }
        return text;
    }

    /** True when most inked columns of the band are inked along nearly its whole height (bars, not letters). */
    private static boolean isBarcode(boolean[][] ink, int[] band, int w) {
        int height = band[1] - band[0];
        int inked = 0;
        int full = 0;
        for (int x = 0; x < w; x++) {
            int n = 0;
            for (int y = band[0]; y < band[1]; y++) {
                n += ink[y][x] ? 1 : 0;
            }
            if (n > 0) {
                inked++;
                if (n >= 0.8 * height) {
                    full++;
                }
            }
        }
        return inked > 0 && full > BARCODE_SHARE * inked && height >= 8;
    }

    /** {@code n} equal bands over the print found (or the whole region when none was). */
    private static List<int[]> spread(List<int[]> bands, int n, int h) {
        int top = bands.isEmpty() ? 0 : bands.get(0)[0];
        int bottom = bands.isEmpty() ? h : bands.get(bands.size() - 1)[1];
        List<int[]> out = new ArrayList<>(n);
        double step = (double) (bottom - top) / n;
        for (int i = 0; i < n; i++) {
            out.add(new int[] {top + (int) Math.round(i * step), top + (int) Math.round((i + 1) * step)});
        }
        return out;
    }

    /** Each word's {left, right} in the band: the band's clusters of ink when there are as many, else by length. */
    private static List<int[]> wordSpans(boolean[][] ink, int[] band, String[] words, int w) {
        boolean[] column = new boolean[w];
        for (int y = band[0]; y < band[1]; y++) {
            for (int x = 0; x < w; x++) {
                column[x] |= ink[y][x];
            }
        }
        int minGap = Math.max(3, (band[1] - band[0]) / 5);
        List<int[]> clusters = new ArrayList<>();
        int start = -1;
        int lastInk = -1;
        for (int x = 0; x < w; x++) {
            if (!column[x]) {
                continue;
            }
            if (start < 0) {
                start = x;
            } else if (x - lastInk > minGap) {
                clusters.add(new int[] {start, lastInk + 1});
                start = x;
            }
            lastInk = x;
        }
        if (start >= 0) {
            clusters.add(new int[] {start, lastInk + 1});
        }
        if (clusters.size() == words.length) {
            return clusters;
        }
        int left = clusters.isEmpty() ? 0 : clusters.get(0)[0];
        int right = clusters.isEmpty() ? w : clusters.get(clusters.size() - 1)[1];
        int chars = 0;
        for (String word : words) {
            chars += word.length();
        }
        double perChar = (double) (right - left) / (chars + words.length - 1);
        List<int[]> spans = new ArrayList<>(words.length);
        double x = left;
        for (String word : words) {
            double end = x + word.length() * perChar;
            spans.add(new int[] {(int) Math.round(x), (int) Math.round(end)});
            x = end + perChar;
        }
        return spans;
    }
}
