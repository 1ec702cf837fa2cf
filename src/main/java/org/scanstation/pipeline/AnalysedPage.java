package org.scanstation.pipeline;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.scanstation.image.ScannedPage;
import org.scanstation.ocr.LaidOutText;

/**
 * One page's findings with what the analysis made on the way, for a caller that builds on it (the PDF
 * step) instead of decoding and turning the page again.
 *
 * @param scan        the page as decoded
 * @param findings    what the page stages found
 * @param uprightGrey the page in grey, turned upright and straightened by {@code findings.transforms()}; null
 *                    when the analysis made none (blank and separator pages)
 * @param pageText    {@code uprightGrey}'s text outside its labels, laid out as a page as the PDF's text layer reads
 *                    it ({@link org.scanstation.ocr.PageTextReader}), as the analysis read it to look for
 *                    identifiers; null when it did not
 */
public record AnalysedPage(ScannedPage scan, PageFindings findings, BufferedImage uprightGrey, LaidOutText pageText) {

    public AnalysedPage {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(findings, "findings");
    }

    public AnalysedPage(ScannedPage scan, PageFindings findings, BufferedImage uprightGrey) {
        this(scan, findings, uprightGrey, null);
    }
}
