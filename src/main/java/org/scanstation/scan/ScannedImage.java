package org.scanstation.scan;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;

/**
 * One page as the scanner delivered it, with its scan metadata. The image is never modified
 * afterwards; clean-up works on {@link ScannedPage} transforms.
 *
 * @param image    the raw page: {@code TYPE_BYTE_GRAY}, {@code TYPE_INT_RGB} or {@code TYPE_BYTE_BINARY}
 * @param dpi      the resolution the device actually scanned at
 * @param metadata device, options, time and page number
 */
public record ScannedImage(BufferedImage image, int dpi, ScanMetadata metadata) {

    public int pageNumber() {
        return metadata.pageNumber();
    }

    public boolean bilevel() {
        return image.getType() == BufferedImage.TYPE_BYTE_BINARY
                && image.getColorModel().getPixelSize() == 1;
    }

    /** This page as the pipeline's page type, identified by the file it was (or will be) stored in. */
    public ScannedPage toScannedPage(Path file) {
        return new ScannedPage(PageId.single(file), image, dpi, bilevel());
    }
}
