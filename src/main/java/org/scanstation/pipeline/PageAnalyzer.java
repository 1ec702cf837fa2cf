package org.scanstation.pipeline;

import org.scanstation.image.ScannedPage;

/** Runs the page stages (clean-up, barcodes, label OCR, match) on one page. Thread-safe. */
public interface PageAnalyzer {

    PageFindings analyse(ScannedPage page);

    /** As {@link #analyse}, with the upright image the analysis made, when it keeps it. */
    default AnalysedPage analyseKeepingImage(ScannedPage page) {
        return new AnalysedPage(page, analyse(page), null);
    }
}
