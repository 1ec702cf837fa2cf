package org.scanstation.station;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;
import org.scanstation.pipeline.PageFindings;

/**
 * A page the clerk turned is analysed again on the scan turned by the clerk's quarter turns. Its findings
 * are brought back to the stored scan: the page's rotation is the clerk's turns plus the analysis's own,
 * and its barcodes are placed on the scan as stored (labels are on the upright page either way).
 */
final class TurnedFindings {

    private TurnedFindings() {
    }

    /**
     * @param found  the findings on the scan turned clockwise by {@code turn} degrees
     * @param rawWidth the stored scan's width (before the clerk's turn)
     */
    static PageFindings onStoredScan(PageFindings found, int turn, int rawWidth, int rawHeight) {
        int clerk = ((turn % 360) + 360) % 360;
        if (clerk == 0) {
            return found;
        }
        int total = (clerk + found.rotation()) % 360;
        List<Transform> transforms = new ArrayList<>();
        if (total != 0) {
            transforms.add(new Transform.Rotate(total));
        }
        for (Transform t : found.transforms()) {
            if (t instanceof Transform.Deskew) {
                transforms.add(t);
            }
        }
        boolean sideways = clerk % 180 != 0;
        int turnedWidth = sideways ? rawHeight : rawWidth;
        int turnedHeight = sideways ? rawWidth : rawHeight;
        List<Transform> back = List.of(new Transform.Rotate(360 - clerk));
        List<Barcode> barcodes = new ArrayList<>();
        for (Barcode b : found.barcodes()) {
            Rectangle r = b.bounds() == null ? null : ImageOps.mapToUpright(b.bounds(), turnedWidth, turnedHeight, back);
            barcodes.add(new Barcode(b.format(), b.text(), r));
        }
        return new PageFindings(found.id(), found.kind(), found.decision(), total, found.skew(), List.copyOf(transforms),
                List.copyOf(barcodes), found.labels(), found.notes());
    }
}
