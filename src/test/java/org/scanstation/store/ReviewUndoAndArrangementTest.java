package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/**
 * A supervisor's decision is undone until the uploader journals that it starts sending the document (never
 * after: the EDMS may hold it); a rescanned document's decision stays; the clerk's arrangement of an
 * unfiled batch is journaled. Everything survives reopening the store.
 */
class ReviewUndoAndArrangementTest {

    @TempDir
    Path tmp;

    private StoredBatch heldThenFiledToBob(BatchStore store) throws Exception {
        StoredBatch b = store.createBatch(StoreFixture.info());
        int p = b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "0001.png");
        b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(p));
        b.hold(0, "page 0001.png needs review");
        b.seal();
        b.refile(0, SamplePatientData.BOB.nhsNumber());
        b.putPdf(0, SamplePatientData.pdf(SamplePatientData.BOB, 1));
        b.queue(0);
        return b;
    }

    @Test
    void aFiledDocumentGoesBackToReviewWithItsCandidateUntilTheUploadStarts() throws Exception {
        BatchId id;
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = heldThenFiledToBob(store);
            id = b.id();
            b.reopenForReview(0, SamplePatientData.ALICE.nhsNumber(), "decision undone by sam");
            assertThat(b.document(0).orElseThrow()).satisfies(d -> {
                assertThat(d.state()).isEqualTo(DocumentState.HELD);
                assertThat(d.nhsNumber()).isEqualTo(SamplePatientData.ALICE.nhsNumber());
                assertThat(d.lastDetail()).contains("decision undone by sam");
            });
            assertThatThrownBy(() -> b.startUpload(0)).as("the uploader leaves a document held meanwhile")
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("held");
            // decided again, then the uploader starts: from then on it cannot be undone
            b.refile(0, SamplePatientData.BOB.nhsNumber());
            b.putPdf(0, SamplePatientData.pdf(SamplePatientData.BOB, 2));
            b.queue(0);
            b.startUpload(0);
            assertThat(b.document(0).orElseThrow().uploadStarted()).isTrue();
            assertThatThrownBy(() -> b.reopenForReview(0, null, "too late"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("being uploaded");
        }
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.batch(id).orElseThrow();
            assertThat(b.document(0).orElseThrow().uploadStarted()).as("journaled").isTrue();
            assertThatThrownBy(() -> b.reopenForReview(0, null, "after a restart"))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(b.document(0).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
        }
    }

    @Test
    void setAsideDocumentsGoBackToReviewUnlessTheirPagesWereRescanned() throws Exception {
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            int p1 = b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "0001.png");
            int p2 = b.addPage(SamplePatientData.png(SamplePatientData.BOB, 2), "image/png", "0002.png");
            b.defineDocument(0, null, "Scanned health record", List.of(p1));
            b.defineDocument(1, null, "Scanned health record", List.of(p2));
            b.hold(0, "no patient");
            b.hold(1, "no patient");
            b.seal();
            b.setAside(0, DocumentState.UNIDENTIFIABLE, "unidentifiable (sam)");
            b.setAside(1, DocumentState.RESCAN, "rescan (sam)");

            b.reopenForReview(0, null, "decision undone by sam");
            assertThat(b.document(0).orElseThrow().state()).isEqualTo(DocumentState.HELD);

            b.markRescanned(1, "rescanned by chris");
            assertThat(b.document(1).orElseThrow().rescanDone()).isTrue();
            assertThatThrownBy(() -> b.reopenForReview(1, null, "too late"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already rescanned");
            assertThatThrownBy(() -> b.reopenForReview(0, null, "twice"))
                    .as("a held document has no decision to undo").isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void theClerksArrangementIsJournaledAndTheLastOneWins() throws Exception {
        BatchId id;
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            id = b.id();
            int p1 = b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "0001.png");
            int p2 = b.addPage(SamplePatientData.png(SamplePatientData.BOB, 2), "image/png", "0002.png");
            assertThat(b.arrangement()).isEmpty();
            b.arrange(List.of(p1, p2), Map.of());
            b.arrange(List.of(p2, p1), Map.of("new:" + p1, "1"));
        }
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.batch(id).orElseThrow();
            PageArrangement a = b.arrangement().orElseThrow();
            assertThat(a.order()).containsExactly(2, 1);
            assertThat(a.notes()).containsExactly(Map.entry("new:1", "1"));
            b.markAnalysisComplete();
            assertThatThrownBy(() -> b.arrange(List.of(1, 2), Map.of()))
                    .as("a filed batch's pages are fixed").isInstanceOf(IllegalStateException.class);
        }
    }
}
