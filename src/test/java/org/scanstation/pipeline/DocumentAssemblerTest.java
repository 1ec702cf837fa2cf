package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scanstation.match.MatchDecision;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

class DocumentAssemblerTest {

    static final Patient KING = new Patient(new NhsNumber("9996185311"), "R5142473", "KING", "William",
            LocalDate.of(2008, 3, 1), "M", "LE1");
    static final Patient JOHNSON = new Patient(new NhsNumber("9995778203"), "S5741631", "JOHNSON", "Michael",
            LocalDate.of(1989, 1, 10), "M", "LE1");

    int n;

    PageFindings page(PageKind kind, MatchDecision d) {
        return new PageFindings(PageId.single(Path.of(String.format("%04d.jpg", ++n))), kind, d, 0, 0,
                List.of(), List.of(), List.of(), List.of());
    }

    PageFindings matched(Patient p) {
        return page(PageKind.CONTENT, new MatchDecision.Matched(p, 0.95, List.of("ok"),
                Set.of("patient:" + p.nhsNumber().digits())));
    }

    PageFindings review(Patient candidate, String... keys) {
        return page(PageKind.CONTENT, new MatchDecision.NeedsReview(candidate, 0.3, List.of("conflict"), Set.of(keys)));
    }

    PageFindings continuation() {
        return page(PageKind.CONTENT, new MatchDecision.NoIdentity(List.of("none")));
    }

    List<PageAnalysis> run(PageFindings... pages) {
        DocumentAssembler a = new DocumentAssembler();
        List<PageAnalysis> out = new ArrayList<>();
        for (PageFindings p : pages) {
            out.add(a.accept(p));
        }
        return out;
    }

    @Test
    void continuationPagesFollowTheirLabelledPage() {
        var r = run(matched(KING), continuation(), continuation(), matched(JOHNSON), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 0, 0, 1, 1);
        assertThat(r).extracting(PageAnalysis::status).containsOnly(PageStatus.MATCHED);
        assertThat(r.get(2).patient()).isEqualTo(KING);
        assertThat(r.get(4).patient()).isEqualTo(JOHNSON);
        assertThat(r.get(1).reasons().get(0)).contains("0001.jpg");
    }

    @Test
    void blanksAreLeftOutAndSeparatorsEndTheDocument() {
        var r = run(matched(KING), page(PageKind.BLANK, null), continuation(), page(PageKind.SEPARATOR, null),
                matched(KING), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, null, 0, null, 1, 1);
        assertThat(r.get(1).status()).isEqualTo(PageStatus.BLANK);
        assertThat(r.get(3).status()).isEqualTo(PageStatus.SEPARATOR);
    }

    @Test
    void aDocumentWhoseFirstPageNeedsReviewHoldsAllItsPages() {
        String k = "patient:" + KING.nhsNumber().digits();
        String j = "patient:" + JOHNSON.nhsNumber().digits();
        var r = run(review(KING, k, j), continuation(), matched(KING), continuation(), page(PageKind.SEPARATOR, null),
                matched(KING));
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 0, 0, 0, null, 1);
        assertThat(r.subList(0, 4)).extracting(PageAnalysis::status).containsOnly(PageStatus.REVIEW);
        assertThat(r.get(2).reasons().get(0)).contains("held for review");
        assertThat(r.get(5).status()).isEqualTo(PageStatus.MATCHED);
    }

    @Test
    void aDifferentPatientStartsANewDocumentWithoutASeparator() {
        var r = run(matched(KING), matched(JOHNSON), matched(KING));
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 1, 2);
    }

    @Test
    void unresolvedLabelsWithTheSameIdentifierStayTogether() {
        var r = run(matched(KING), review(null, "nhs:9990160179"), review(null, "nhs:9990160179"), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 1, 1, 1);
        assertThat(r.get(3).status()).isEqualTo(PageStatus.REVIEW);
    }

    @Test
    void anUnlabelledFirstPageNeedsReview() {
        var r = run(continuation(), continuation(), page(PageKind.SEPARATOR, null), continuation());
        assertThat(r).extracting(PageAnalysis::status)
                .containsExactly(PageStatus.REVIEW, PageStatus.REVIEW, PageStatus.SEPARATOR, PageStatus.REVIEW);
        assertThat(r.get(0).reasons().get(0)).contains("no labelled page before it");
    }

    PageFindings notAnalysed(String why) {
        return new PageFindings(PageId.single(Path.of(String.format("%04d.jpg", ++n))), PageKind.UNREADABLE, null, 0, 0,
                List.of(), List.of(), List.of(), List.of(why));
    }

    @Test
    void aPageNotAnalysedEndsTheDocumentAndTheUnlabelledPagesAfterItWaitForReview() {
        // A(labelled) A A X(not analysed) B-unlabelled B-unlabelled, then a labelled page starts a new document
        var r = run(matched(KING), continuation(), continuation(), notAnalysed("the page could not be analysed"),
                continuation(), continuation(), matched(JOHNSON), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 0, 0, 1, 1, 1, 2, 2);
        assertThat(r).extracting(PageAnalysis::status).containsExactly(PageStatus.MATCHED, PageStatus.MATCHED,
                PageStatus.MATCHED, PageStatus.REVIEW, PageStatus.REVIEW, PageStatus.REVIEW, PageStatus.MATCHED,
                PageStatus.MATCHED);
        for (PageAnalysis after : r.subList(3, 6)) {
            assertThat(after.patient()).isNull();
        }
        assertThat(r.get(3).reasons().get(0)).isEqualTo("the page could not be analysed");
        assertThat(r.get(3).reasons().get(1)).contains("first page of a new document").contains("document 0");
        assertThat(r.get(4).reasons().get(0)).contains("0004.jpg").contains("could not be analysed");
        assertThat(r.get(7).patient()).isEqualTo(JOHNSON);
    }

    @Test
    void theSamePatientLabelledAgainAfterAPageNotAnalysedStartsANewDocument() {
        var r = run(matched(KING), notAnalysed("over its time limit"), matched(KING), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 1, 2, 2);
        assertThat(r).extracting(PageAnalysis::status).containsExactly(PageStatus.MATCHED, PageStatus.REVIEW,
                PageStatus.MATCHED, PageStatus.MATCHED);
    }

    @Test
    void eachPageNotAnalysedStartsItsOwnHeldDocumentAndBlanksDoNotReopenTheOneBefore() {
        var r = run(matched(KING), notAnalysed("undecodable"), page(PageKind.BLANK, null), notAnalysed("out of memory"),
                continuation(), page(PageKind.SEPARATOR, null), continuation());
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 1, null, 2, 2, null, 3);
        assertThat(r).extracting(PageAnalysis::status).containsExactly(PageStatus.MATCHED, PageStatus.REVIEW,
                PageStatus.BLANK, PageStatus.REVIEW, PageStatus.REVIEW, PageStatus.SEPARATOR, PageStatus.REVIEW);
        assertThat(r).filteredOn(p -> p.status() != PageStatus.MATCHED).extracting(PageAnalysis::patient)
                .containsOnlyNulls();
    }

    @Test
    void aPageNotAnalysedFirstInTheBatchIsHeldLikeAnyOther() {
        var r = run(notAnalysed("truncated"), continuation(), review(null, "nhs:9990160179"));
        assertThat(r).extracting(PageAnalysis::status).containsOnly(PageStatus.REVIEW);
        assertThat(r).extracting(PageAnalysis::document).containsExactly(0, 0, 1);
    }
}
