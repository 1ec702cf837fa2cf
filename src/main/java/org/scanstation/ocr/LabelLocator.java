package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where the patient labels are on an upright page without reading the page: boxes ruled with
 * thin lines of label size, and unboxed labels made of a barcode (a decoded one given as a hint, or
 * bars that look like a barcode but could not be decoded) with the lines of text next to it. A letter's
 * text with no box and no barcode near it is never a label. Thread-safe.
 */
public final class LabelLocator {

    /** How a label region was found. */
    public enum Kind {
        /** A rectangle drawn with thin lines. */
        RULED_BOX,
        /** Text gathered around a barcode (decoded or only recognised by its bars). */
        BESIDE_BARCODE
    }

    /**
     * A place on the page that looks like a label.
     *
     * @param bounds   the label, in page pixels
     * @param kind     how it was found
     * @param barcodes barcodes inside the label (decoded hints and undecoded bars), page pixels
     * @param angle    how far the label is turned on the page (stuck on askew), degrees clockwise
     */
    public record LabelRegion(Rectangle bounds, Kind kind, List<Rectangle> barcodes, double angle) {
    }

    /** A4 width in inches, used to estimate the resolution of a page when it is not known. */
    private static final double A4_WIDTH_IN = 210 / 25.4;
    private static final double LETTER_WIDTH_IN = 8.5;
    /** At most this many regions per page, largest first: bounds the OCR time of a cluttered page. */
    static final int MAX_REGIONS = 6;

    /** The resolution of a page from its size, assuming A4 (or US Letter) paper; at least 100 dpi. */
    public static double estimateDpi(BufferedImage page) {
        double shortSide = Math.min(page.getWidth(), page.getHeight());
        double longSide = Math.max(page.getWidth(), page.getHeight());
        double ratio = longSide / shortSide;
        double inches = Math.abs(ratio - 11.0 / 8.5) < Math.abs(ratio - 297.0 / 210) ? LETTER_WIDTH_IN : A4_WIDTH_IN;
        return Math.max(100, shortSide / inches);
    }

    public List<LabelRegion> locate(BufferedImage page, List<Rectangle> barcodeHints) {
        return locate(page, barcodeHints, estimateDpi(page));
    }

    /**
     * @param page         upright, deskewed page
     * @param barcodeHints decoded barcodes, page pixels (may be empty)
     * @param dpi          the page's resolution
     * @return label regions, top to bottom
     */
    public List<LabelRegion> locate(BufferedImage page, List<Rectangle> barcodeHints, double dpi) {
        if (page.getWidth() < 16 || page.getHeight() < 16) {
            return List.of();
        }
        WorkImage img = WorkImage.of(page, dpi);
        List<Rectangle> barcodes = new ArrayList<>();
        for (Rectangle hint : barcodeHints == null ? List.<Rectangle>of() : barcodeHints) {
            Rectangle w = img.toWork(hint);
            if (!w.isEmpty()) {
                barcodes.add(w);
            }
        }
        for (Rectangle found : new BarcodeTextureFinder(img).find()) {
            if (barcodes.stream().noneMatch(b -> b.intersects(found))) {
                barcodes.add(found);
            }
        }
        List<RuledBoxFinder.Box> ruled = new RuledBoxFinder(img).find();
        List<Rectangle> boxes = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (RuledBoxFinder.Box box : ruled) {
            boxes.add(box.bounds());
            candidates.add(new Candidate(box.bounds(), Kind.RULED_BOX, box.angle()));
        }
        TextBlockFinder blocks = null;
        for (Rectangle barcode : barcodes) {
            if (boxes.stream().anyMatch(box -> box.intersects(barcode))) {
                continue;
            }
            if (blocks == null) {
                blocks = new TextBlockFinder(img);
            }
            Rectangle label = blocks.labelAround(barcode);
            if (!label.isEmpty() && candidates.stream().noneMatch(c -> c.bounds.intersects(label))) {
                candidates.add(new Candidate(label, Kind.BESIDE_BARCODE, 0));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.bounds.width * c.bounds.height).reversed());
        List<LabelRegion> out = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(MAX_REGIONS, candidates.size()))) {
            List<Rectangle> inside = new ArrayList<>();
            for (Rectangle b : barcodes) {
                if (c.bounds.intersects(b)) {
                    inside.add(clip(img.toPage(b), page));
                }
            }
            out.add(new LabelRegion(clip(img.toPage(c.bounds), page), c.kind, List.copyOf(inside), c.angle));
        }
        out.sort(Comparator.comparingInt((LabelRegion r) -> r.bounds().y).thenComparingInt(r -> r.bounds().x));
        return out;
    }

    private static Rectangle clip(Rectangle r, BufferedImage page) {
        return r.intersection(new Rectangle(0, 0, page.getWidth(), page.getHeight()));
    }

    private record Candidate(Rectangle bounds, Kind kind, double angle) {
    }
}
