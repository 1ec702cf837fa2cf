package org.scanstation.pipeline;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.scanstation.model.PageStatus;

/** Counts of a batch for a person to read at a glance: pages per status and documents per patient. */
public final class BatchSummary implements BatchListener {

    private final Map<PageStatus, Integer> byStatus = new EnumMap<>(PageStatus.class);
    private final Map<Integer, String> documents = new LinkedHashMap<>();
    private final TreeSet<Integer> reviewDocuments = new TreeSet<>();
    private int pages;

    @Override
    public synchronized void pageAnalysed(PageAnalysis p) {
        pages++;
        byStatus.merge(p.status(), 1, Integer::sum);
        if (p.document() != null) {
            documents.putIfAbsent(p.document(), p.patient() == null ? "unknown patient" : p.patient().displayName());
            if (p.status() == PageStatus.REVIEW) {
                reviewDocuments.add(p.document());
            }
        }
    }

    public synchronized int pages() {
        return pages;
    }

    public synchronized int count(PageStatus s) {
        return byStatus.getOrDefault(s, 0);
    }

    public synchronized int documents() {
        return documents.size();
    }

    public synchronized int documentsNeedingReview() {
        return reviewDocuments.size();
    }

    public synchronized String describe() {
        return pages + " pages: " + count(PageStatus.MATCHED) + " filed automatically, " + count(PageStatus.REVIEW)
                + " for review, " + count(PageStatus.BLANK) + " blank, " + count(PageStatus.SEPARATOR)
                + " separators; " + documents() + " documents, " + documentsNeedingReview() + " needing review";
    }
}
