package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One page as a person checks it: the whole page upright and straightened (as it will be in the PDF),
 * every label and barcode the analysis read marked on it, and what was read outside any label.
 *
 * @param title     e.g. "Page 2 of 3 of the document" (no patient data)
 * @param image     the upright page, null when it cannot be decoded (then {@code problem} says why)
 * @param marks     labels and barcodes, where they are
 * @param unplaced  identifiers read in the page's text, not at one place (e.g. a letter's "Re:" line)
 * @param problem   why the page cannot be shown, or null
 */
public record PageView(String title, BufferedImage image, List<PageMark> marks, List<String> unplaced,
                       String problem) {

    public PageView {
        marks = List.copyOf(marks);
        unplaced = List.copyOf(unplaced);
    }

    static PageView unavailable(String title, String problem) {
        return new PageView(title, null, List.of(), List.of(), problem);
    }
}
