package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/**
 * What the journal keeps for the one path: a page's resolution, a batch's origin, a page taken out of
 * a batch still being scanned, and a supervisor's review outcome as a document state; all of it as it
 * was after the store is opened again.
 */
class StoredBatchOpenAndReviewTest {

    @TempDir
    Path tmp;

    @Test
    void pagesKeepTheirResolutionAndARemovedPageIsGoneForGoodWithoutItsIndexReused() throws Exception {
        Path root = tmp.resolve("store");
        String id;
        try (BatchStore store = BatchStore.open(root, StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.STATION));
            b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "a.png", 200);
            b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 2), "image/png", "b.png", 300);
            b.removePage(2, "fed twice");
            assertThat(b.addPage(SamplePatientData.png(SamplePatientData.BOB, 3), "image/png", "c.png", 150))
                    .as("a removed page's index is not reused").isEqualTo(3);
            id = b.id().toString();
        }
        try (BatchStore store = BatchStore.open(root, StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.batch(id);
            assertThat(b.info().origin()).isEqualTo(BatchInfo.STATION);
            assertThat(b.pages()).extracting(StoredPage::index, StoredPage::sourceName, StoredPage::dpi)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "a.png", 200),
                            org.assertj.core.groups.Tuple.tuple(3, "c.png", 150));
            assertThat(store.recovery().cleanStart()).isTrue();
            try (Stream<Path> files = Files.list(root.resolve("batches").resolve(id).resolve("pages"))) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("p00001.enc",
                        "p00003.enc");
            }
            assertThat(store.audit().events()).anyMatch(e -> e.type().equals("page-removed") && e.page() == 2);
            b.markAnalysisComplete();
            assertThatThrownBy(() -> b.removePage(1, "late")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> b.addPage(new byte[] {1}, "image/png", "d.png", 300))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aReviewOutcomeIsADocumentStateThatNeverReachesTheQueue() throws Exception {
        Path root = tmp.resolve("store");
        String id;
        try (BatchStore store = BatchStore.open(root, StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            int p1 = b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "a.png", 300);
            int p2 = b.addPage(SamplePatientData.png(SamplePatientData.BOB, 2), "image/png", "b.png", 300);
            b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(p1));
            b.defineDocument(1, null, "Scanned health record", List.of(p2));
            assertThatThrownBy(() -> b.setAside(0, DocumentState.UNIDENTIFIABLE, "too early"))
                    .as("only a held document is decided").isInstanceOf(IllegalStateException.class);
            b.hold(0, "page a.png needs review");
            b.hold(1, "page b.png needs review");
            b.setAside(0, DocumentState.UNIDENTIFIABLE, "unidentifiable (sam)");
            b.setAside(1, DocumentState.RESCAN, "rescan (sam)");
            assertThatThrownBy(() -> b.setAside(1, DocumentState.QUEUED, "no")).isInstanceOf(IllegalArgumentException.class);
            id = b.id().toString();
        }
        try (BatchStore store = BatchStore.open(root, StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.batch(id);
            assertThat(b.documents()).extracting(StoredDocument::state)
                    .containsExactly(DocumentState.UNIDENTIFIABLE, DocumentState.RESCAN);
            assertThatThrownBy(() -> b.requeue(0, "try")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> b.queue(1)).isInstanceOf(IllegalStateException.class);
            assertThat(store.report().toText()).contains("unidentifiable").contains("rescan");
        }
    }
}
