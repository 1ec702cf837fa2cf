package org.scanstation.scan.driver.twain;

/**
 * {@code TW_IMAGEINFO} of the page about to be transferred, in plain numbers.
 *
 * @param xResolution dots per inch across (units are set to inches)
 * @param width       pixels per row
 * @param length      rows, or -1 when the source does not know yet (undefined image size)
 */
record ImageInfo(double xResolution, double yResolution, int width, int length, int samplesPerPixel,
                 int bitsPerPixel, int pixelType, int compression) {

    /** The resolution in whole dots per inch (0 when the source gave none). */
    int dpi() {
        return (int) Math.round(xResolution > 0 ? xResolution : yResolution);
    }
}
