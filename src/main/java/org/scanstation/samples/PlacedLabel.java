package org.scanstation.samples;

import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * A label as it ended up on a generated page image (after skew and rotation).
 *
 * @param layoutId       the layout it was drawn with
 * @param content        what it prints and encodes
 * @param symbology      its barcode type (NONE for text only)
 * @param corners        the four corners of the label in final image pixels
 * @param barcodeCorners the four corners of the barcode in final image pixels (empty when none)
 */
public record PlacedLabel(String layoutId, LabelContent content, LabelLayout.Symbology symbology,
                          List<Point2D> corners, List<Point2D> barcodeCorners) {

    public PlacedLabel {
        corners = List.copyOf(corners);
        barcodeCorners = List.copyOf(barcodeCorners);
    }

    /** The axis-aligned box around the label in the final image. */
    public Rectangle bounds() {
        return box(corners);
    }

    /** The axis-aligned box around the barcode in the final image (empty rectangle when none). */
    public Rectangle barcodeBounds() {
        return barcodeCorners.isEmpty() ? new Rectangle() : box(barcodeCorners);
    }

    private static Rectangle box(List<Point2D> pts) {
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (Point2D p : pts) {
            x0 = Math.min(x0, p.getX());
            y0 = Math.min(y0, p.getY());
            x1 = Math.max(x1, p.getX());
            y1 = Math.max(y1, p.getY());
        }
        int x = (int) Math.floor(x0), y = (int) Math.floor(y0);
        return new Rectangle(x, y, (int) Math.ceil(x1) - x, (int) Math.ceil(y1) - y);
    }
}
