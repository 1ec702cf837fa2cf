package org.scanstation.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.pipeline.PageAnalysis;

/**
 * One clinical document of an analysed batch: its pages in order (blank and separator pages left
 * out), its patient, and whether a person still has to decide.
 */
public record BatchDocument(int index, Patient patient, boolean needsReview, List<PageAnalysis> pages) {

    public BatchDocument {
        pages = List.copyOf(pages);
    }

    /** Groups a batch's pages into documents, in batch order. */
    public static List<BatchDocument> of(List<PageAnalysis> batch) {
        Map<Integer, List<PageAnalysis>> byDocument = new LinkedHashMap<>();
        for (PageAnalysis p : batch) {
            if (p.document() != null && p.status() != PageStatus.BLANK && p.status() != PageStatus.SEPARATOR) {
                byDocument.computeIfAbsent(p.document(), k -> new ArrayList<>()).add(p);
            }
        }
        List<BatchDocument> out = new ArrayList<>();
        for (Map.Entry<Integer, List<PageAnalysis>> e : byDocument.entrySet()) {
            List<PageAnalysis> pages = e.getValue();
            boolean review = pages.stream().anyMatch(p -> p.status() != PageStatus.MATCHED);
            Patient patient = pages.stream().map(PageAnalysis::patient).filter(java.util.Objects::nonNull)
                    .findFirst().orElse(null);
            if (!review) {
                // every page of an auto-filed document is filed to the same patient, by construction; check it
                for (PageAnalysis p : pages) {
                    if (p.patient() == null || !p.patient().equals(patient)) {
                        review = true;
                        break;
                    }
                }
            }
            out.add(new BatchDocument(e.getKey(), patient, review, pages));
        }
        return out;
    }
}
