package org.scanstation.pipeline;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.scanstation.image.ScannedPage;

/**
 * One page's findings with what the analysis made on the way, for a caller that builds on it (the PDF
 * step) instead of decoding and turning the page again.
 *
 * @param scan        the page as decoded
 * @param findings    what the page stages found
 * @param uprightGrey the page in grey, turned upright and straightened by {@code findings.transforms()}; null
 *                    when the analysis made none (blank and separator pages)
 */
public record AnalysedPage(ScannedPage scan, PageFindings findings, BufferedImage uprightGrey) {

    public AnalysedPage {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(findings, "findings");
    }
}
