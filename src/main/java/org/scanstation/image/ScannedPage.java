package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.util.List;
import org.scanstation.model.PageId;

/**
 * One decoded page as it came from the scanner or file: the raw image is never modified; clean-up
 * is expressed as {@link Transform}s applied on demand.
 *
 * @param dpi            resolution of the scan (from the file's metadata, or 300 when it does not say)
 * @param bilevel        true when the source was 1-bit (e.g. CCITT G4 TIFF): exports keep it bilevel
 * @param renderProblems what went wrong while the page was drawn or decoded (a PDF image that could not
 *                       be decoded, a form that draws itself, ...), in words; empty when it rendered
 *                       cleanly. A page with problems may be missing content: it is never called blank.
 */
public record ScannedPage(PageId id, BufferedImage image, int dpi, boolean bilevel, List<String> renderProblems) {

    public ScannedPage {
        renderProblems = renderProblems == null ? List.of() : List.copyOf(renderProblems);
    }

    /** A page that rendered cleanly. */
    public ScannedPage(PageId id, BufferedImage image, int dpi, boolean bilevel) {
        this(id, image, dpi, bilevel, List.of());
    }

    public boolean renderedCleanly() {
        return renderProblems.isEmpty();
    }

    public ScannedPage withRenderProblems(List<String> problems) {
        return new ScannedPage(id, image, dpi, bilevel, problems);
    }
}
