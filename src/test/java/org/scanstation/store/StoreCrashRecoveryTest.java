package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.store.testing.StoreWriterMain;
import org.scanstation.store.testing.TestJvm;

/**
 * A writer process is killed with SIGKILL in the middle of writing page images and PDFs; the store
 * must reopen with every acknowledged write intact and readable, and nothing half-written trusted.
 */
class StoreCrashRecoveryTest {

    @TempDir
    Path tmp;

    @Test
    void killedWriterLosesNothingAcknowledgedAndLeavesNoHalfWrittenFile() throws Exception {
        Path store = tmp.resolve("store");
        Path key = StoreFixture.keyIn(tmp).file();
        List<String> acknowledged = new ArrayList<>();
        int[] killAfter = {5, 13, 22};
        long[] thenWaitMillis = {2, 6, 15}; // lands the kill inside a write rather than right after a line
        for (int run = 0; run < killAfter.length; run++) {
            try (TestJvm child = TestJvm.start(StoreWriterMain.class, tmp.resolve("writer" + run + ".log"),
                    store.toString(), key.toString(), Integer.toString(run))) {
                int[] seen = {0};
                int limit = killAfter[run];
                String last = child.readUntil(l -> {
                    if (l.startsWith("page ") || l.startsWith("pdf ")) {
                        acknowledged.add(l);
                        seen[0]++;
                    }
                    return seen[0] >= limit;
                });
                assertThat(last).as("writer output (see writer" + run + ".log)").isNotNull();
                Thread.sleep(thenWaitMillis[run]);
                child.kill();
            }
            try (BatchStore reopened = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
                for (String line : acknowledged) {
                    String[] f = line.split(" ");
                    StoredBatch b = reopened.batch(f[1]);
                    int index = Integer.parseInt(f[2]);
                    byte[] content = f[0].equals("page") ? b.readPage(index) : b.readPdf(index);
                    assertThat(Sha256.hex(content)).as(line).isEqualTo(f[3]);
                }
                System.err.println("recovery after kill " + run + ": " + reopened.recovery());
                assertThat(reopened.verifyAll()).isEmpty();
                assertThat(reopened.recovery().unrecordedFilesSetAside() + reopened.recovery().temporaryFilesRemoved()
                        + reopened.recovery().tornRecordsDropped()).isLessThanOrEqualTo(2);
                assertThat(reopened.recovery().batchesQuarantined()).as("a crash is not damage").isZero();
            }
        }
        try (BatchStore reopened = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
            assertThat(reopened.recovery().cleanStart()).isTrue();
            // still writable after three crashes
            StoredBatch b = reopened.createBatch(StoreFixture.info());
            b.addPage(new byte[] {1, 2, 3}, "image/png", "x.png");
            assertThat(b.readPage(1)).containsExactly(1, 2, 3);
        }
    }
}
