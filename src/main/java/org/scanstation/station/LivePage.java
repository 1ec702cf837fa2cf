package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.util.List;
import org.scanstation.model.Patient;
import org.scanstation.model.PageStatus;
import org.scanstation.pipeline.PageAnalysis;

/**
 * One page of the batch being scanned, as the clerk sees it in the strip.
 *
 * @param number    the page's number in the open batch, from 1
 * @param analysis  the pipeline's decision about it
 * @param thumbnail a small upright-as-scanned picture of the page
 * @param document  the document of the open batch it belongs to (from 1), or 0 for blank/separator pages
 */
public record LivePage(int number, PageAnalysis analysis, BufferedImage thumbnail, int document) {

    public PageStatus status() {
        return analysis.status();
    }

    /** The patient it is filed to, or for review the candidate; may be null. */
    public Patient patient() {
        return analysis.patient();
    }

    public List<String> reasons() {
        return analysis.reasons();
    }
}
