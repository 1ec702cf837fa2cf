package org.scanstation.image;

import java.awt.image.BufferedImage;
import org.scanstation.model.PageId;

/**
 * One decoded page as it came from the scanner or file: the raw image is never modified; clean-up
 * is expressed as {@link Transform}s applied on demand.
 *
 * @param dpi      resolution of the scan (from the file's metadata, or 300 when it does not say)
 * @param bilevel  true when the source was 1-bit (e.g. CCITT G4 TIFF): exports keep it bilevel
 */
public record ScannedPage(PageId id, BufferedImage image, int dpi, boolean bilevel) {
}
