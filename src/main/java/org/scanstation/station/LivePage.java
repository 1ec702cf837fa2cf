package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.util.List;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.pipeline.PageAnalysis;

/**
 * One page of the batch being scanned, as the clerk sees it in the strip.
 *
 * @param number         the page's place in the open batch as arranged, from 1
 * @param id             the page's lasting name in the open batch (its index in the store): actions name pages
 *                       by it, so a page added or moved meanwhile never makes an action hit another page
 * @param analysis       the pipeline's decision about it, as placed in the arranged batch
 * @param thumbnail      a small upright picture of the page
 * @param document       the document of the open batch it belongs to (from 1), or 0 for blank/separator pages
 * @param holdReason     why its document will be held for review when filed, or null when it files automatically
 * @param startsNew      the clerk said this page starts a new document
 * @param joinsPrevious  the clerk said this page (and its document) joins the document before it
 * @param turned         quarter turns (clockwise degrees) the clerk added to the analysis's own
 * @param awaitingRescan the clerk asked to rescan this page: the next scan replaces it in its place
 */
public record LivePage(int number, int id, PageAnalysis analysis, BufferedImage thumbnail, int document,
                       String holdReason, boolean startsNew, boolean joinsPrevious, int turned, boolean awaitingRescan) {

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

    /** True when the page is part of a document (not blank, not a separator sheet). */
    public boolean inDocument() {
        return document > 0;
    }
}
