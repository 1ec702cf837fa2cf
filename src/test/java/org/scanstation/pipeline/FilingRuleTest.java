package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

/** The one rule for filing a document without a person, and the reason in words when it holds one. */
class FilingRuleTest {

    private static PageAnalysis page(String name, PageStatus status, Patient patient) {
        return new PageAnalysis(0, PageId.single(Path.of(name)), status, patient, 0.9, 0, 0, 0, List.of(), List.of(),
                List.of(), List.of());
    }

    @Test
    void everyPageMatchedToOnePatientIsFiledAutomatically() {
        FilingRule.Filing f = FilingRule.decide(List.of(page("1.jpg", PageStatus.MATCHED, BatchDocumentTest.SMITH),
                page("2.jpg", PageStatus.MATCHED, BatchDocumentTest.SMITH)));
        assertThat(f.automatic()).isTrue();
        assertThat(f.patient()).isEqualTo(BatchDocumentTest.SMITH);
    }

    @Test
    void aPageNeedingReviewHoldsTheDocumentAndNamesThePage() {
        FilingRule.Filing f = FilingRule.decide(List.of(page("1.jpg", PageStatus.MATCHED, BatchDocumentTest.SMITH),
                page("2.jpg", PageStatus.REVIEW, null)));
        assertThat(f.holdReason()).isEqualTo("page 2.jpg needs review");
        assertThat(f.patient()).as("the candidate shown to the reviewer").isEqualTo(BatchDocumentTest.SMITH);
    }

    @Test
    void pagesMatchedToTwoPatientsAreHeld() {
        FilingRule.Filing f = FilingRule.decide(List.of(page("1.jpg", PageStatus.MATCHED, BatchDocumentTest.SMITH),
                page("2.jpg", PageStatus.MATCHED, BatchDocumentTest.JONES)));
        assertThat(f.holdReason()).contains("different patients");
    }

    @Test
    void aMatchedPageWithoutAPatientIsHeld() {
        FilingRule.Filing f = FilingRule.decide(List.of(page("1.jpg", PageStatus.MATCHED, null)));
        assertThat(f.automatic()).isFalse();
    }
}
