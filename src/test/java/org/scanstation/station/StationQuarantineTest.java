package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/** The window's upload queue says, in words, that a damaged batch was set aside; the others are listed as usual. */
class StationQuarantineTest {

    @TempDir
    Path dir;

    @Test
    void aBatchWithADamagedJournalIsShownAsSetAsideForIt() throws Exception {
        String damaged;
        try (BatchStore store = BatchStore.open(dir.resolve("store"), new KeyFileProvider(dir.resolve("station.key")))) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 1);
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 2);
            damaged = store.batches().get(0).id().value();
        }
        Path journal = dir.resolve("store").resolve("batches").resolve(damaged).resolve("journal.log");
        Files.write(journal, new byte[(int) Files.size(journal)]);

        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            List<UploadLine> lines = station.uploadLines();
            assertThat(lines.get(0)).satisfies(l -> {
                assertThat(l.batchId()).isEqualTo(damaged);
                assertThat(l.state()).contains("set aside for IT", "nothing deleted");
                assertThat(l.lastError()).contains("holds only zeros");
                assertThat(l.needsAttention()).isTrue();
            });
            assertThat(lines).hasSize(2).last().satisfies(l -> assertThat(l.state()).isEqualTo("waiting to upload"));
        }
    }
}
