package org.scanstation.scan;

/**
 * A rectangle on the scanner's glass or feeder, in millimetres from the top-left corner.
 */
public record ScanArea(double leftMm, double topMm, double widthMm, double heightMm) {

    public ScanArea {
        if (leftMm < 0 || topMm < 0) {
            throw new IllegalArgumentException("Scan area offsets must not be negative");
        }
        if (!(widthMm > 0) || !(heightMm > 0)) {
            throw new IllegalArgumentException("Scan area width and height must be positive");
        }
    }

    /** The area of a page size, placed at the top-left corner. */
    public static ScanArea of(PageSize size) {
        return new ScanArea(0, 0, size.widthMm(), size.heightMm());
    }

    public double rightMm() {
        return leftMm + widthMm;
    }

    public double bottomMm() {
        return topMm + heightMm;
    }
}
