package org.scanstation.station;

import java.util.List;
import org.scanstation.model.PageStatus;

/**
 * The open batch in numbers a records manager reconciles: every page scanned (and not deleted) is in
 * exactly one of filed automatically, for review, blank or separator.
 *
 * @param scanned   pages in the batch
 * @param filed     pages of documents that will be filed automatically
 * @param review    pages of documents that will be held for review
 * @param blank     blank pages (left out of the documents, kept in the store)
 * @param separator separator sheets
 * @param deleted   pages deleted by the clerk that can still be brought back (Undo)
 * @param documents documents in the batch
 */
public record BatchTotals(int scanned, int filed, int review, int blank, int separator, int deleted, int documents) {

    public static final BatchTotals EMPTY = new BatchTotals(0, 0, 0, 0, 0, 0, 0);

    static BatchTotals of(List<LivePage> pages, int deleted) {
        int filed = 0;
        int review = 0;
        int blank = 0;
        int separator = 0;
        java.util.Set<Integer> docs = new java.util.HashSet<>();
        for (LivePage p : pages) {
            if (p.status() == PageStatus.BLANK) {
                blank++;
            } else if (p.status() == PageStatus.SEPARATOR) {
                separator++;
            } else if (p.holdReason() == null && p.inDocument()) {
                filed++;
            } else {
                review++;
            }
            if (p.inDocument()) {
                docs.add(p.document());
            }
        }
        return new BatchTotals(pages.size(), filed, review, blank, separator, deleted, docs.size());
    }

    /** True when the four kinds add up to the pages scanned. */
    public boolean reconciles() {
        return filed + review + blank + separator == scanned;
    }
}
