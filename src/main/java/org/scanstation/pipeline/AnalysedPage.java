package org.scanstation.pipeline;

import java.awt.image.BufferedImage;
import java.util.Objects;
import org.scanstation.image.ScannedPage;
import org.scanstation.ocr.OcrText;

/**
 * One page's findings with what the analysis made on the way, for a caller that builds on it (the PDF
 * export) instead of decoding, turning and reading the page again.
 *
 * @param scan        the page as decoded
 * @param findings    what the page stages found
 * @param uprightGrey the page in grey, turned upright and straightened by {@code findings.transforms()}; null
 *                    when the analysis made none (blank and separator pages)
 * @param pageText    the page's whole text as {@link org.scanstation.ocr.PageTextReader} reads it, word boxes in
 *                    {@code uprightGrey}'s pixels; null when the analysis did not read it (a labelled page)
 */
public record AnalysedPage(ScannedPage scan, PageFindings findings, BufferedImage uprightGrey, OcrText pageText) {

    public AnalysedPage {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(findings, "findings");
    }
}
