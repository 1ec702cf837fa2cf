package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.cli.ProcessedStore.Run;
import org.scanstation.store.BatchStore;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/** What the commands do about the store's key: a lost key is never replaced, a readable one is locked down. */
class StoreKeyCommandTest {

    @TempDir
    Path tmp;

    private Path storeWithData() throws Exception {
        Path store = tmp.resolve("store");
        try (BatchStore s = BatchStore.open(store, StoreFixture.keyIn(tmp))) {
            StoreFixture.queuedBatch(s, List.of(SamplePatientData.ALICE), 1);
        }
        return store;
    }

    @Test
    void aMissingKeyForAStoreWithDataIsExit9AndNoNewKeyIsMade() throws Exception {
        Path store = storeWithData();
        Path lost = tmp.resolve("elsewhere").resolve("store.key");
        for (String command : List.of("queue", "audit", "process")) {
            Run r = command.equals("process")
                    ? ProcessedStore.cli("process", "--patients", ProcessedStore.PATIENTS.toString(), "--store",
                    store.toString(), "--key", lost.toString(), ProcessedStore.BATCH.resolve("0007.jpg").toString())
                    : ProcessedStore.cli(command, "--store", store.toString(), "--key", lost.toString());
            assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(ExitCode.STORE.code());
            assertThat(r.err().strip()).startsWith("scanstation: ").contains("holds data but its key is missing",
                    "no new key was made").doesNotContain("\n");
            assertThat(lost).as(command).doesNotExist();
        }
    }

    @Test
    void aKeyFileOthersCanReadIsLockedDownAndTheCommandSaysSo() throws Exception {
        Path store = storeWithData();
        Path key = StoreFixture.keyIn(tmp).file();
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-r--"));
        Run r = ProcessedStore.cli("queue", "--store", store.toString(), "--key", key.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("scanstation: note: the store key " + key, "now rw-------", "tell IT");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
    }
}
