package org.scanstation.ocr;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups ink into blocks (lines of text, a barcode, a logo) on a coarse grid of half-millimetre cells,
 * smearing ink a little sideways and less up and down so that the words of a line and the lines of a
 * label join while a letter's paragraphs further away stay apart. From a barcode it then grows the
 * label: the barcode plus the nearby blocks that fit in a label's size. Work coordinates throughout.
 */
final class TextBlockFinder {

    /** Largest label, millimetres. */
    static final double MAX_LABEL_WIDTH_MM = 120;
    static final double MAX_LABEL_HEIGHT_MM = 65;
    /** Largest gap between a label's lines, and between a barcode and the text beside it. */
    static final double LINE_GAP_MM = 3.5;
    static final double SIDE_GAP_MM = 12;

    /** Grid cell, and how far ink is smeared to join letters into lines and lines into blocks. */
    static final double CELL_MM = 0.5;
    static final double SMEAR_SIDEWAYS_MM = 1.0;
    static final double SMEAR_UP_DOWN_MM = 0.5;

    private final WorkImage img;
    private final int cell;
    private final int cols;
    private final int rows;
    private final List<Rectangle> blocks;

    TextBlockFinder(WorkImage img) {
        this.img = img;
        this.cell = Math.max(1, img.mm(CELL_MM));
        this.cols = img.width / cell;
        this.rows = img.height / cell;
        this.blocks = findBlocks();
    }

    List<Rectangle> blocks() {
        return blocks;
    }

    private List<Rectangle> findBlocks() {
        boolean[] ink = new boolean[cols * rows];
        int level = img.inkLevel();
        for (int cy = 0; cy < rows; cy++) {
            for (int cx = 0; cx < cols; cx++) {
                int dark = 0;
                for (int y = cy * cell; y < (cy + 1) * cell; y++) {
                    int base = y * img.width;
                    for (int x = cx * cell; x < (cx + 1) * cell; x++) {
                        if ((img.grey[base + x] & 0xff) < level) {
                            dark++;
                        }
                    }
                }
                ink[cy * cols + cx] = dark > 0;
            }
        }
        boolean[] smeared = smear(ink, (int) Math.round(SMEAR_SIDEWAYS_MM / CELL_MM), (int) Math.round(SMEAR_UP_DOWN_MM / CELL_MM));
        return components(smeared);
    }

    /** Dilates ink by dx cells sideways and dy cells up and down. */
    private boolean[] smear(boolean[] ink, int dx, int dy) {
        boolean[] h = new boolean[ink.length];
        for (int y = 0; y < rows; y++) {
            int last = -1_000_000;
            for (int x = 0; x < cols; x++) {
                if (ink[y * cols + x]) {
                    last = x;
                }
                if (x - last <= dx) {
                    h[y * cols + x] = true;
                }
            }
            last = 1_000_000;
            for (int x = cols - 1; x >= 0; x--) {
                if (ink[y * cols + x]) {
                    last = x;
                }
                if (last - x <= dx) {
                    h[y * cols + x] = true;
                }
            }
        }
        boolean[] v = new boolean[ink.length];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < cols; x++) {
                if (h[y * cols + x]) {
                    for (int k = Math.max(0, y - dy); k <= Math.min(rows - 1, y + dy); k++) {
                        v[k * cols + x] = true;
                    }
                }
            }
        }
        return v;
    }

    private List<Rectangle> components(boolean[] mask) {
        int[] label = new int[mask.length];
        List<Rectangle> out = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            label[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % cols;
                int y = i / cols;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                if (x > 0) visit(mask, label, queue, i - 1, next);
                if (x < cols - 1) visit(mask, label, queue, i + 1, next);
                if (y > 0) visit(mask, label, queue, i - cols, next);
                if (y < rows - 1) visit(mask, label, queue, i + cols, next);
            }
            out.add(new Rectangle(x0 * cell, y0 * cell, (x1 - x0 + 1) * cell, (y1 - y0 + 1) * cell));
        }
        return out;
    }

    private static void visit(boolean[] mask, int[] label, ArrayDeque<Integer> queue, int i, int id) {
        if (mask[i] && label[i] == 0) {
            label[i] = id;
            queue.add(i);
        }
    }

    /**
     * The label around a barcode: the barcode plus blocks of label size close above, below or beside
     * it, gathered while the whole stays label-sized. Empty when no text lies near the barcode.
     */
    Rectangle labelAround(Rectangle barcode) {
        int maxW = img.mm(MAX_LABEL_WIDTH_MM);
        int maxH = img.mm(MAX_LABEL_HEIGHT_MM);
        int lineGap = img.mm(LINE_GAP_MM);
        int sideGap = img.mm(SIDE_GAP_MM);
        Rectangle label = new Rectangle(barcode);
        List<Rectangle> unused = new ArrayList<>();
        for (Rectangle b : blocks) {
            if (b.width <= maxW && b.height <= maxH && !overlapsMostly(b, barcode)) {
                unused.add(b);
            }
        }
        boolean grew = true;
        boolean anyText = false;
        while (grew) {
            grew = false;
            for (int i = 0; i < unused.size(); i++) {
                Rectangle b = unused.get(i);
                if (!near(label, b, lineGap, sideGap)) {
                    continue;
                }
                Rectangle u = label.union(b);
                if (u.width > maxW || u.height > maxH) {
                    continue;
                }
                label = u;
                unused.remove(i--);
                grew = true;
                anyText = true;
            }
        }
        return anyText ? label : new Rectangle();
    }

    private static boolean overlapsMostly(Rectangle block, Rectangle barcode) {
        Rectangle i = block.intersection(barcode);
        return !i.isEmpty() && (long) i.width * i.height >= 0.5 * block.width * block.height;
    }

    /** Above/below with a small vertical gap, or beside with a small horizontal gap. */
    private static boolean near(Rectangle label, Rectangle b, int lineGap, int sideGap) {
        int hOverlap = Math.min(label.x + label.width, b.x + b.width) - Math.max(label.x, b.x);
        int vOverlap = Math.min(label.y + label.height, b.y + b.height) - Math.max(label.y, b.y);
        int vGap = -vOverlap;
        int hGap = -hOverlap;
        if (hOverlap > 0 && vGap <= lineGap) {
            return true;
        }
        return vOverlap > 0.5 * Math.min(label.height, b.height) && hGap <= sideGap;
    }
}
