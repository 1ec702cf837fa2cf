package org.scanstation.ocr;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds areas that look like a linear barcode even when it cannot be decoded (smudged, torn, badly
 * printed, a symbology the reader missed): on a grid of millimetre cells, cells crossed by many strong
 * vertical edges and almost no horizontal ones (bars), gathered into a patch of at least barcode size.
 * Text has edges both ways; a ruled line is one cell wide. Also finds square patches of matrix codes
 * (DataMatrix, QR): cells half inked with edges both ways, packed into a solid square, where a label's
 * text leaves empty rows between its lines. Tolerates a few degrees of tilt. Results in work coordinates.
 */
final class BarcodeTextureFinder {

    static final double CELL_MM = 1.0;
    static final double MIN_WIDTH_MM = 15;
    static final double MIN_HEIGHT_MM = 4;
    /** Side of a matrix code, millimetres. */
    static final double MIN_MATRIX_MM = 6;
    static final double MATRIX_CELL_MM = 2;
    static final double MAX_MATRIX_MM = 30;

    private final WorkImage img;

    BarcodeTextureFinder(WorkImage img) {
        this.img = img;
    }

    List<Rectangle> find() {
        int cell = img.mm(CELL_MM);
        int cols = img.width / cell;
        int rows = img.height / cell;
        boolean[] bars = new boolean[cols * rows];

        // a bar edge is at least a third of the paper-to-ink contrast
        int strong = Math.max(24, (img.background - img.inkLevel()) / 2);
        // per cell of the current row of cells: sums of the gradients across and down, strong edges across
        int[] gx = new int[cols];
        int[] gy = new int[cols];
        int[] edges = new int[cols];
        for (int cy = 0; cy < rows; cy++) {
            java.util.Arrays.fill(gx, 0);
            java.util.Arrays.fill(gy, 0);
            java.util.Arrays.fill(edges, 0);
            for (int y = cy * cell; y < (cy + 1) * cell && y + 2 < img.height; y++) {
                barEdgesAlongRow(y, cell, cols, strong, gx, gy, edges);
            }
            for (int cx = 0; cx < cols; cx++) {
                bars[cy * cols + cx] = edges[cx] >= cell && gx[cx] > 3 * gy[cx];
            }
        }
        List<Rectangle> out = new ArrayList<>();
        for (Rectangle r : patches(bars, cols, rows, 2, 0.45)) {
            Rectangle px = new Rectangle(r.x * cell, r.y * cell, r.width * cell, r.height * cell);
            if (px.width >= img.mm(MIN_WIDTH_MM) && px.height >= img.mm(MIN_HEIGHT_MM)) {
                out.add(px);
            }
        }
        out.addAll(matrixCodes(strong));
        return out;
    }

    /**
     * One row of pixels' share of each cell's gradients: across and down two pixels (a bar edge softened by blur
     * or lens still counts), and the strong edges across.
     */
    private void barEdgesAlongRow(int y, int cell, int cols, int strong, int[] gx, int[] gy, int[] edges) {
        byte[] grey = img.grey;
        int w = img.width;
        int base = y * w;
        int below = base + 2 * w;
        int xEnd = w - 2;
        for (int cx = 0; cx < cols; cx++) {
            int x0 = cx * cell;
            int x1 = Math.min(x0 + cell, xEnd);
            int sx = 0;
            int sy = 0;
            int e = 0;
            for (int x = x0; x < x1; x++) {
                int v = grey[base + x] & 0xff;
                int dx = Math.abs((grey[base + x + 2] & 0xff) - v);
                sx += dx;
                sy += Math.abs((grey[below + x] & 0xff) - v);
                if (dx >= strong) {
                    e++;
                }
            }
            gx[cx] += sx;
            gy[cx] += sy;
            edges[cx] += e;
        }
    }

    /** Square patches of 2 mm cells that are each part inked and crossed by edges both ways. */
    private List<Rectangle> matrixCodes(int strong) {
        int cell = img.mm(MATRIX_CELL_MM);
        int cols = img.width / cell;
        int rows = img.height / cell;
        int ink = img.inkLevel();
        boolean[] matrix = new boolean[cols * rows];
        double[] inkShare = new double[cols * rows];
        // per cell of the current row of cells: edges across, edges down, dark pixels, pixels
        int[] edgesX = new int[cols];
        int[] edgesY = new int[cols];
        int[] dark = new int[cols];
        int[] n = new int[cols];
        for (int cy = 0; cy < rows; cy++) {
            java.util.Arrays.fill(edgesX, 0);
            java.util.Arrays.fill(edgesY, 0);
            java.util.Arrays.fill(dark, 0);
            java.util.Arrays.fill(n, 0);
            for (int y = cy * cell; y < (cy + 1) * cell && y + 1 < img.height; y++) {
                matrixEdgesAlongRow(y, cell, cols, strong, ink, edgesX, edgesY, dark, n);
            }
            for (int cx = 0; cx < cols; cx++) {
                double inked = n[cx] == 0 ? 0 : (double) dark[cx] / n[cx];
                inkShare[cy * cols + cx] = inked;
                matrix[cy * cols + cx] = inked >= 0.2 && inked <= 0.9 && edgesX[cx] + edgesY[cx] >= cell
                        && Math.min(edgesX[cx], edgesY[cx]) >= 2;
            }
        }
        List<Rectangle> out = new ArrayList<>();
        for (Rectangle r : patches(matrix, cols, rows, 1, 0.7)) {
            Rectangle px = new Rectangle(r.x * cell, r.y * cell, r.width * cell, r.height * cell);
            double aspect = (double) px.width / px.height;
            if (px.width >= img.mm(MIN_MATRIX_MM) && px.height >= img.mm(MIN_MATRIX_MM)
                    && px.width <= img.mm(MAX_MATRIX_MM) && px.height <= img.mm(MAX_MATRIX_MM)
                    && aspect >= 0.75 && aspect <= 1.33 && meanInk(inkShare, cols, r) >= 0.4) {
                out.add(px);
            }
        }
        return out;
    }

    /** One row of pixels' share of each matrix cell's strong edges across and down, dark pixels and pixels. */
    private void matrixEdgesAlongRow(int y, int cell, int cols, int strong, int ink, int[] edgesX, int[] edgesY,
                                     int[] dark, int[] n) {
        byte[] grey = img.grey;
        int w = img.width;
        int base = y * w;
        int below = base + w;
        int xEnd = w - 1;
        for (int cx = 0; cx < cols; cx++) {
            int x0 = cx * cell;
            int x1 = Math.min(x0 + cell, xEnd);
            int ex = 0;
            int ey = 0;
            int d = 0;
            for (int x = x0; x < x1; x++) {
                int v = grey[base + x] & 0xff;
                if (Math.abs((grey[base + x + 1] & 0xff) - v) >= strong) {
                    ex++;
                }
                if (Math.abs((grey[below + x] & 0xff) - v) >= strong) {
                    ey++;
                }
                if (v < ink) {
                    d++;
                }
            }
            edgesX[cx] += ex;
            edgesY[cx] += ey;
            dark[cx] += d;
            n[cx] += Math.max(0, x1 - x0);
        }
    }

    /** Mean ink share of the cells in a box: matrix codes are about half black, text far less. */
    private static double meanInk(double[] share, int cols, Rectangle r) {
        double sum = 0;
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                sum += share[y * cols + x];
            }
        }
        return sum / Math.max(1, r.width * r.height);
    }

    /**
     * Bounding boxes (in cells) of groups of marked cells, joining cells up to {@code reach} apart
     * sideways, that fill at least {@code fill} of their box.
     */
    private static List<Rectangle> patches(boolean[] bars, int cols, int rows, int reach, double fill) {
        int[] seen = new int[bars.length];
        List<Rectangle> out = new ArrayList<>();
        int[] queue = new int[bars.length];
        int id = 0;
        for (int s = 0; s < bars.length; s++) {
            if (!bars[s] || seen[s] != 0) {
                continue;
            }
            id++;
            seen[s] = id;
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1, count = 0;
            while (head < tail) {
                int i = queue[head++];
                int x = i % cols;
                int y = i / cols;
                count++;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -reach; dx <= reach; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < cols && ny < rows) {
                            int j = ny * cols + nx;
                            if (bars[j] && seen[j] == 0) {
                                seen[j] = id;
                                queue[tail++] = j;
                            }
                        }
                    }
                }
            }
            int area = (x1 - x0 + 1) * (y1 - y0 + 1);
            if (count >= fill * area) {
                out.add(new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1));
            }
        }
        return out;
    }
}
