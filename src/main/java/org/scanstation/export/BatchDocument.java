package org.scanstation.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
        List<BatchDocument> out = new ArrayList<>();
        Grouper grouper = new Grouper();
        for (PageAnalysis p : batch) {
            grouper.accept(p).ifPresent(out::add);
        }
        grouper.finish().ifPresent(out::add);
        return out;
    }

    /**
     * One document from its pages: filed without review only when every page was matched to the same
     * patient; otherwise the first patient named is the candidate shown to the reviewer.
     */
    public static BatchDocument of(int index, List<PageAnalysis> pages) {
        Patient patient = pages.stream().map(PageAnalysis::patient).filter(Objects::nonNull).findFirst().orElse(null);
        boolean review = pages.stream().anyMatch(p -> p.status() != PageStatus.MATCHED
                || p.patient() == null || !p.patient().equals(patient));
        return new BatchDocument(index, patient, review, pages);
    }

    /**
     * Groups pages arriving in batch order into documents, handing each out as soon as it is complete:
     * at the first page of the next document, at a separator sheet, or at the end of the batch.
     */
    public static final class Grouper {
        private Integer current;
        private List<PageAnalysis> pages = new ArrayList<>();

        /** @return the document this page completes, if any */
        public java.util.Optional<BatchDocument> accept(PageAnalysis p) {
            BatchDocument done = null;
            boolean content = p.document() != null && p.status() != PageStatus.BLANK && p.status() != PageStatus.SEPARATOR;
            if ((p.status() == PageStatus.SEPARATOR || content && !p.document().equals(current)) && !pages.isEmpty()) {
                done = of(current, pages);
                pages = new ArrayList<>();
            }
            if (content) {
                current = p.document();
                pages.add(p);
            }
            return java.util.Optional.ofNullable(done);
        }

        /** @return the last document, if it has pages */
        public java.util.Optional<BatchDocument> finish() {
            if (pages.isEmpty()) {
                return java.util.Optional.empty();
            }
            BatchDocument done = of(current, pages);
            pages = new ArrayList<>();
            return java.util.Optional.of(done);
        }
    }
}
