package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/** A supervisor files a held document to another patient: recorded in the journal, kept after reopening. */
class StoredBatchRefileTest {

    @TempDir
    Path tmp;

    @Test
    void aHeldDocumentIsRefiledAndTheNewPatientSurvivesAReopenButAQueuedOneCannotBe() throws Exception {
        BatchId id;
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            id = b.id();
            int p = b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "0001.png");
            b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(p));
            b.hold(0, "page 0 needs review");
            b.seal();
            b.refile(0, SamplePatientData.BOB.nhsNumber());
            assertThat(b.document(0).orElseThrow().nhsNumber()).isEqualTo(SamplePatientData.BOB.nhsNumber());
            b.putPdf(0, SamplePatientData.pdf(SamplePatientData.BOB, 1));
            b.queue(0);
            assertThatThrownBy(() -> b.refile(0, SamplePatientData.ALICE.nhsNumber()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("queued");
        }
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredDocument d = store.batch(id).orElseThrow().document(0).orElseThrow();
            assertThat(d.nhsNumber()).isEqualTo(SamplePatientData.BOB.nhsNumber());
            assertThat(d.state()).isEqualTo(DocumentState.QUEUED);
        }
    }
}
