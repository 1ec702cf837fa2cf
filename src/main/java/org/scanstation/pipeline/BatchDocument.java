package org.scanstation.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

/**
 * One clinical document of an analysed batch: its pages in order (blank and separator pages left
 * out), its patient, and, when a person still has to decide, why ({@link FilingRule}).
 *
 * @param patient    the patient it is filed to, or for a held document the candidate (may be null)
 * @param holdReason why it is held for review, or null when it is filed automatically
 */
public record BatchDocument(int index, Patient patient, String holdReason, List<PageAnalysis> pages) {

    public BatchDocument {
        pages = List.copyOf(pages);
    }

    public boolean needsReview() {
        return holdReason != null;
    }

    /** Groups a batch's pages into documents, in batch order. */
    public static List<BatchDocument> of(List<PageAnalysis> batch) {
        List<BatchDocument> out = new ArrayList<>();
        Grouper grouper = new Grouper();
        for (PageAnalysis p : batch) {
            grouper.accept(p).ifPresent(out::add);
        }
        grouper.finish().ifPresent(out::add);
        return out;
    }

    /** One document from its pages, decided by the {@link FilingRule}. */
    public static BatchDocument of(int index, List<PageAnalysis> pages) {
        FilingRule.Filing filing = FilingRule.decide(pages);
        return new BatchDocument(index, filing.patient(), filing.holdReason(), pages);
    }

    /** True for a page that belongs in a document (not blank, not a separator sheet). */
    public static boolean isContent(PageAnalysis p) {
        return p.document() != null && p.status() != PageStatus.BLANK && p.status() != PageStatus.SEPARATOR;
    }

    /**
     * Groups pages arriving in batch order into documents, handing each out as soon as it is complete:
     * at the first page of the next document, at a separator sheet, or at the end of the batch.
     */
    public static final class Grouper {
        private Integer current;
        private List<PageAnalysis> pages = new ArrayList<>();

        /** @return the document this page completes, if any */
        public Optional<BatchDocument> accept(PageAnalysis p) {
            BatchDocument done = null;
            boolean content = isContent(p);
            if ((p.status() == PageStatus.SEPARATOR || content && !p.document().equals(current)) && !pages.isEmpty()) {
                done = of(current, pages);
                pages = new ArrayList<>();
            }
            if (content) {
                current = p.document();
                pages.add(p);
            }
            return Optional.ofNullable(done);
        }

        /** @return the last document, if it has pages */
        public Optional<BatchDocument> finish() {
            if (pages.isEmpty()) {
                return Optional.empty();
            }
            BatchDocument done = of(current, pages);
            pages = new ArrayList<>();
            return Optional.of(done);
        }
    }
}
