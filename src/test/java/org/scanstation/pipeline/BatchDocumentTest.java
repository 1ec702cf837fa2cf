package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

/** Which pages make a document, and when a document must wait for a person. */
class BatchDocumentTest {

    static final Patient SMITH = new Patient(new NhsNumber("9434765919"), "S1234567", "Smith", "Jane",
            LocalDate.of(1970, 1, 2), "F", "LE1 1AA");
    static final Patient JONES = new Patient(new NhsNumber("9434765870"), "J7654321", "Jones", "Ann",
            LocalDate.of(1960, 3, 4), "F", "LE2 2BB");

    private final List<PageAnalysis> batch = new ArrayList<>();

    private void page(PageStatus status, Patient patient, Integer document) {
        int n = batch.size() + 1;
        batch.add(new PageAnalysis(n - 1, PageId.single(Path.of(String.format("%04d.jpg", n))), status, patient, 0.9,
                0, 0, document, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void blankAndSeparatorPagesAreLeftOutAndSeparatorsEndDocuments() {
        page(PageStatus.MATCHED, SMITH, 0);
        page(PageStatus.BLANK, null, null);
        page(PageStatus.MATCHED, SMITH, 0);
        page(PageStatus.SEPARATOR, null, null);
        page(PageStatus.MATCHED, JONES, 1);
        List<BatchDocument> docs = BatchDocument.of(batch);
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).pages()).extracting(p -> p.id().name()).containsExactly("0001.jpg", "0003.jpg");
        assertThat(docs.get(0).needsReview()).isFalse();
        assertThat(docs.get(0).patient()).isEqualTo(SMITH);
        assertThat(docs.get(1).pages()).extracting(p -> p.id().name()).containsExactly("0005.jpg");
    }

    @Test
    void oneReviewPageHoldsTheWholeDocumentForReview() {
        page(PageStatus.MATCHED, SMITH, 0);
        page(PageStatus.REVIEW, SMITH, 0);
        BatchDocument doc = BatchDocument.of(batch).get(0);
        assertThat(doc.needsReview()).isTrue();
        assertThat(doc.patient()).isEqualTo(SMITH);
    }

    @Test
    void pagesMatchedToTwoPatientsNeverMakeAnAutoFiledDocument() {
        page(PageStatus.MATCHED, SMITH, 0);
        page(PageStatus.MATCHED, JONES, 0);
        assertThat(BatchDocument.of(batch).get(0).needsReview()).isTrue();
    }

    @Test
    void theGrouperHandsOutADocumentAsSoonAsTheNextOneStarts() {
        BatchDocument.Grouper grouper = new BatchDocument.Grouper();
        page(PageStatus.MATCHED, SMITH, 0);
        page(PageStatus.MATCHED, JONES, 1);
        assertThat(grouper.accept(batch.get(0))).isEmpty();
        assertThat(grouper.accept(batch.get(1))).get().extracting(BatchDocument::index).isEqualTo(0);
        assertThat(grouper.finish()).get().extracting(BatchDocument::index).isEqualTo(1);
        assertThat(grouper.finish()).isEmpty();
    }
}
