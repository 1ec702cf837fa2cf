package org.scanstation.image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.OcrWord;

/**
 * Finds which way up a page is: how many degrees clockwise (0, 90, 180, 270) it must be turned to
 * be upright, the analysis contract's {@code rotation}.
 *
 * <p>First, geometry: text lines run along the axis whose ink profile is sharpest (horizontal or
 * vertical). Then, along that axis, Latin text has far more ink above its x-height band (capitals,
 * ascenders, i-dots) than below its baseline (descenders), so the side the ascenders stick out of
 * is the top. When that evidence is thin (few lines, digits or capitals only, an unclear axis) and
 * an {@link OcrEngine} was given, a few text lines are read both ways up and the way that reads
 * with the higher confidence wins. Thread-safe when its OCR engine is (as TesseractOcrEngine).
 */
public final class OrientationDetector {

    /**
     * The verdict: {@code clockwiseDegrees} to turn the page upright, {@code confidence} 0..1,
     * {@code uncertain} when a person should check it, the evidence in words, and
     * {@code uprightSkewDegrees}: the clockwise tilt of the text lines once the page is turned
     * upright (as {@link SkewDetector} would measure it; 0 when unknown).
     */
    public record Orientation(int clockwiseDegrees, double confidence, boolean uncertain, String evidence,
            double uprightSkewDegrees) {

        /** Whether the page had text lines to measure (else {@code uprightSkewDegrees} is 0 for want of any). */
        public boolean linesMeasured() {
            return !NO_TEXT.equals(evidence);
        }
    }

    static final String NO_TEXT = "no text to orient by";

    private static final int MIN_INK_PIXELS = 200;
    /** The text axis must be this much sharper than the other to be trusted without OCR. */
    private static final double CLEAR_AXIS_RATIO = 1.6;
    /** Ascender/descender asymmetry needed to trust the geometry alone. */
    private static final double CLEAR_ASYMMETRY = 0.2;
    private static final int MIN_LINES = 6;
    private static final int OCR_LINES = 4;
    /** OCR stops reading more lines once one way up leads by this much over this many characters. */
    private static final double OCR_EARLY_MARGIN = 20;
    private static final int OCR_EARLY_CHARS = 15;
    /** Line crops taller than this (pixels, with margins) are shrunk before OCR. */
    private static final int OCR_CROP_HEIGHT = 90;
    /** Mean OCR confidence (0..100) one way up must beat the other by this much. */
    private static final double OCR_MARGIN = 12;

    private final OcrEngine ocr;

    /** Geometry only. */
    public OrientationDetector() {
        this(null);
    }

    /** Geometry, with OCR of a few lines read both ways when the geometry is not clear. */
    public OrientationDetector(OcrEngine ocr) {
        this.ocr = ocr;
    }

    /** Clockwise degrees (0, 90, 180, 270) the page must be turned to be upright. */
    public int detectClockwiseRotation(BufferedImage page) {
        return detect(page).clockwiseDegrees();
    }

    /** The full verdict, with its confidence and evidence. */
    public Orientation detect(BufferedImage page) {
        InkMap map = InkMap.of(page);
        if (map.inkCount < MIN_INK_PIXELS) {
            return new Orientation(0, 0, true, NO_TEXT, 0);
        }
        SkewDetector.Measurement h = SkewDetector.measure(map, false);
        SkewDetector.Measurement v = SkewDetector.measure(map, true);
        boolean vertical = v.peakRatio() > h.peakRatio();
        double axisRatio = Math.max(h.peakRatio(), v.peakRatio()) / Math.max(1e-9, Math.min(h.peakRatio(), v.peakRatio()));
        Lines lines = Lines.find(map, vertical, (vertical ? v : h).degrees());
        // a half turn keeps a tilt; a quarter turn either way mirrors the tilt measured on the transposed page
        double skew = vertical ? -v.degrees() : h.degrees();
        int geometric = rotationFor(vertical, lines.asymmetry() >= 0);
        boolean clearAxis = axisRatio >= CLEAR_AXIS_RATIO;
        boolean clearUp = Math.abs(lines.asymmetry()) >= CLEAR_ASYMMETRY && lines.count() >= MIN_LINES;
        String geo = String.format("text lines %s (axis %.1fx), ascender asymmetry %+.2f over %d lines",
                vertical ? "vertical" : "horizontal", axisRatio, lines.asymmetry(), lines.count());
        double geoConfidence = Math.min(1, Math.abs(lines.asymmetry()) / 0.5) * Math.min(1, (axisRatio - 1) / 1.0)
                * Math.min(1, lines.count() / 5.0);
        if (clearAxis && clearUp) {
            return new Orientation(geometric, Math.max(0.6, geoConfidence), false, geo, skew);
        }
        if (ocr == null) {
            return new Orientation(geometric, geoConfidence, true, geo, skew);
        }
        List<Lines> frames = new ArrayList<>();
        frames.add(lines);
        if (!clearAxis) {
            frames.add(Lines.find(map, !vertical, (vertical ? h : v).degrees()));
        }
        try {
            OcrVote vote = readBothWays(page, map, frames);
            if (vote != null && vote.margin() >= OCR_MARGIN) {
                double conf = Math.min(1, vote.margin() / 40.0);
                double votedSkew = vote.rotation() % 180 != 0 ? -v.degrees() : h.degrees();
                return new Orientation(vote.rotation(), conf, false,
                        geo + String.format("; OCR reads best turned %d (confidence %.0f vs %.0f)",
                                vote.rotation(), vote.best(), vote.best() - vote.margin()), votedSkew);
            }
            return new Orientation(geometric, geoConfidence, true, geo + "; OCR was not decisive", skew);
        } catch (OcrException e) {
            return new Orientation(geometric, geoConfidence, true, geo + "; OCR failed: " + e.getMessage(), skew);
        }
    }

    static int rotationFor(boolean vertical, boolean topAtLowSide) {
        if (vertical) {
            // the tops of the letters point left: the page was turned a quarter anticlockwise
            return topAtLowSide ? 90 : 270;
        }
        return topAtLowSide ? 0 : 180;
    }

    private record OcrVote(int rotation, double best, double margin, double chars) {
    }

    /**
     * Reads the most text-like lines both ways up, one line at a time, until one way is clearly
     * ahead; each way is scored by the mean confidence of its letters and digits.
     */
    private OcrVote readBothWays(BufferedImage page, InkMap map, List<Lines> frames) throws OcrException {
        double[] score = new double[4];
        double[] weight = new double[4];
        OcrVote vote = null;
        for (Lines lines : frames) {
            for (Rectangle crop : lines.textLikeCrops(OCR_LINES, map.factor, page.getWidth(), page.getHeight())) {
                BufferedImage piece = ImageOps.toGrey(page.getSubimage(crop.x, crop.y, crop.width, crop.height));
                int shrink = (lines.vertical ? piece.getWidth() : piece.getHeight()) / OCR_CROP_HEIGHT;
                if (shrink >= 2) {
                    piece = ImageOps.downscale(piece, shrink); // large print reads as well, and faster, smaller
                }
                int[] turns = lines.vertical ? new int[] {90, 270} : new int[] {0, 180};
                for (int turn : turns) {
                    OcrText text = ocr.recognise(ImageOps.rotateQuadrant(piece, turn), null);
                    for (OcrWord w : text.words()) {
                        int n = w.text().replaceAll("[^\\p{Alnum}]", "").length();
                        score[turn / 90] += n * w.confidence();
                        weight[turn / 90] += n;
                    }
                    weight[turn / 90] += 0.5; // an empty reading counts as a poor one
                }
                vote = tally(score, weight);
                if (vote != null && vote.margin() >= OCR_EARLY_MARGIN && vote.chars() >= OCR_EARLY_CHARS) {
                    return vote;
                }
            }
        }
        return vote;
    }

    private static OcrVote tally(double[] score, double[] weight) {
        int best = -1;
        double bestMean = -1;
        double second = 0;
        double chars = 0;
        for (int i = 0; i < 4; i++) {
            if (weight[i] == 0) {
                continue;
            }
            chars = Math.max(chars, weight[i]);
            double mean = score[i] / weight[i];
            if (mean > bestMean) {
                second = Math.max(second, bestMean);
                bestMean = mean;
                best = i;
            } else {
                second = Math.max(second, mean);
            }
        }
        return best < 0 ? null : new OcrVote(best * 90, bestMean, bestMean - Math.max(second, 0), chars);
    }

    /** Text lines found along one axis of the reduced page, with their ascender/descender ink. */
    static final class Lines {
        final boolean vertical;
        final double tan;
        final int offset;
        final List<int[]> runs = new ArrayList<>(); // {from bin, to bin, ink, minX, maxX}
        double ascender;
        double descender;

        private Lines(boolean vertical, double tan, int offset) {
            this.vertical = vertical;
            this.tan = tan;
            this.offset = offset;
        }

        int count() {
            return runs.size();
        }

        double asymmetry() {
            double total = ascender + descender;
            return total <= 0 ? 0 : (ascender - descender) / total;
        }

        static Lines find(InkMap map, boolean vertical, double degrees) {
            int[][] pts = map.points(vertical);
            int len = vertical ? map.width : map.height;
            int span = vertical ? map.height : map.width;
            double t = Math.tan(Math.toRadians(degrees));
            int offset = (int) Math.ceil(Math.abs(t) * span) + 2;
            int n = len + 2 * offset + 2;
            int[] bins = new int[n];
            int[] minX = new int[n];
            int[] maxX = new int[n];
            java.util.Arrays.fill(minX, Integer.MAX_VALUE);
            java.util.Arrays.fill(maxX, -1);
            for (int k = 0; k < pts[0].length; k++) {
                int b = (int) Math.round(pts[1][k] - pts[0][k] * t) + offset;
                bins[b]++;
                minX[b] = Math.min(minX[b], pts[0][k]);
                maxX[b] = Math.max(maxX[b], pts[0][k]);
            }
            Lines lines = new Lines(vertical, t, offset);
            double dpi = Math.max(len, span) / 11.5; // resolution of the reduced page, taking it to be A4 or Letter
            int minHeight = (int) Math.round(0.05 * dpi);
            int maxHeight = (int) Math.round(0.45 * dpi);
            // a line is a run of rows clearly inked (so box sides and rules do not join lines up),
            // widened to the faint rows around it where ascenders and descenders are
            int strong = Math.max(2, (int) (0.08 * nonZeroPercentile(bins, 0.95)));
            int previousEnd = -1;
            int i = 0;
            while (i < n) {
                if (bins[i] < strong) {
                    i++;
                    continue;
                }
                int from = i;
                while (i < n && bins[i] >= strong) {
                    i++;
                }
                int to = i - 1;
                int reach = Math.max(2, (int) Math.round(0.6 * (to - from + 1)));
                for (int k = 0; k < reach && from - 1 > previousEnd && bins[from - 1] >= 2; k++) {
                    from--;
                }
                for (int k = 0; k < reach && to + 1 < n && bins[to + 1] >= 2 && bins[to + 1] < strong; k++) {
                    to++;
                }
                i = to + 1;
                previousEnd = to;
                int height = to - from + 1;
                if (height < minHeight || height > maxHeight) {
                    continue;
                }
                int peak = 0;
                int ink = 0;
                int lo = Integer.MAX_VALUE;
                int hi = -1;
                for (int b = from; b <= to; b++) {
                    peak = Math.max(peak, bins[b]);
                    ink += bins[b];
                    lo = Math.min(lo, minX[b]);
                    hi = Math.max(hi, maxX[b]);
                }
                int length = hi - lo + 1;
                if (length < 3 * height) {
                    continue; // a blob, a logo or a barcode, not a line of text
                }
                lines.runs.add(new int[] {from, to, ink, lo, hi});
            }
            lines.measureAscenders(pts, n);
            return lines;
        }

        static int nonZeroPercentile(int[] values, double q) {
            int[] nz = java.util.Arrays.stream(values).filter(v -> v > 0).sorted().toArray();
            return nz.length == 0 ? 0 : nz[Math.min(nz.length - 1, (int) (q * nz.length))];
        }

        /**
         * Adds up ink above the x-height band and below the baseline, line by line, in short
         * chunks along each line so that a slightly wrong skew angle does not blur the bands.
         */
        private void measureAscenders(int[][] pts, int bins) {
            int[] lineOf = new int[bins];
            java.util.Arrays.fill(lineOf, -1);
            int[][][] hist = new int[runs.size()][][];
            for (int l = 0; l < runs.size(); l++) {
                int[] r = runs.get(l);
                int height = r[1] - r[0] + 1;
                for (int b = r[0]; b <= r[1]; b++) {
                    lineOf[b] = l;
                }
                int chunks = (r[4] - r[3]) / (8 * height) + 1;
                hist[l] = new int[chunks][height];
            }
            for (int k = 0; k < pts[0].length; k++) {
                int b = (int) Math.round(pts[1][k] - pts[0][k] * tan) + offset;
                int l = lineOf[b];
                if (l < 0) {
                    continue;
                }
                int[] r = runs.get(l);
                int height = r[1] - r[0] + 1;
                hist[l][(pts[0][k] - r[3]) / (8 * height)][b - r[0]]++;
            }
            for (int[][] line : hist) {
                for (int[] chunk : line) {
                    int peak = 0;
                    int ink = 0;
                    for (int c : chunk) {
                        peak = Math.max(peak, c);
                        ink += c;
                    }
                    if (ink < 30) {
                        continue;
                    }
                    int top = 0;
                    while (chunk[top] < 0.5 * peak) {
                        top++;
                    }
                    int bottom = chunk.length - 1;
                    while (chunk[bottom] < 0.5 * peak) {
                        bottom--;
                    }
                    for (int b = 0; b < top; b++) {
                        ascender += chunk[b];
                    }
                    for (int b = bottom + 1; b < chunk.length; b++) {
                        descender += chunk[b];
                    }
                }
            }
        }

        /**
         * Page rectangles (full resolution) around the start of the most text-like lines, for OCR:
         * lines of the usual height first (not headings, not barcodes), longest first.
         */
        List<Rectangle> textLikeCrops(int max, int factor, int pageW, int pageH) {
            if (runs.isEmpty()) {
                return List.of();
            }
            int[] heights = runs.stream().mapToInt(r -> r[1] - r[0] + 1).sorted().toArray();
            int median = heights[heights.length / 2];
            List<int[]> best = new ArrayList<>(runs);
            best.sort(Comparator.comparingInt((int[] r) -> {
                int height = r[1] - r[0] + 1;
                boolean usual = height >= 0.7 * median && height <= 1.4 * median;
                return usual ? 0 : 1;
            }).thenComparing(Comparator.comparingInt((int[] r) -> r[4] - r[3]).reversed()));
            List<Rectangle> crops = new ArrayList<>();
            for (int[] r : best.subList(0, Math.min(max, best.size()))) {
                int height = r[1] - r[0] + 1;
                int x0 = r[3];
                int x1 = Math.min(r[4], x0 + 16 * height);
                double y0 = r[0] - offset + Math.min(x0 * tan, x1 * tan) - 0.4 * height;
                double y1 = r[1] - offset + Math.max(x0 * tan, x1 * tan) + 0.4 * height;
                int ax = Math.max(0, (x0 - height / 2) * factor);
                int ay = Math.max(0, (int) Math.floor(y0) * factor);
                int bx = (x1 + height / 2 + 1) * factor;
                int by = (int) Math.ceil(y1 + 1) * factor;
                Rectangle rect = vertical ? new Rectangle(ay, ax, by - ay, bx - ax) : new Rectangle(ax, ay, bx - ax, by - ay);
                rect = rect.intersection(new Rectangle(0, 0, pageW, pageH));
                if (!rect.isEmpty()) {
                    crops.add(rect);
                }
            }
            return crops;
        }
    }
}
