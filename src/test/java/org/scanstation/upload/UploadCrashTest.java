package org.scanstation.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.SamplePatientData.SamplePatient;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.store.testing.TestJvm;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.FaultInjectionFilter;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.scanstation.upload.cmis.testing.UploadChildMain;

/**
 * The uploader process is killed with SIGKILL while uploading (once while the server is storing a
 * document whose answer the uploader will never read, once right after an upload), then run again:
 * every document is in the EDMS exactly once with its exact content.
 */
class UploadCrashTest {

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();

    @TempDir
    Path tmp;

    @AfterEach
    void resetFaults() {
        server.faults().reset();
    }

    @Test
    void uploaderKilledMidUploadAndRerunLeavesEveryDocumentExactlyOnce() throws Exception {
        Path storeDir = tmp.resolve("store");
        Path key = StoreFixture.keyIn(tmp).file();
        String root = "K-" + UUID.randomUUID();
        List<SamplePatient> patients = List.of(SamplePatientData.ALICE, SamplePatientData.BOB, SamplePatientData.ALICE);
        List<byte[]> pdfs = new ArrayList<>();
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            pdfs.addAll(StoreFixture.queuedBatch(store, patients, 40));
            pdfs.addAll(StoreFixture.queuedBatch(store, patients, 50));
        }
        String[] args = {storeDir.toString(), key.toString(), server.browserUrl(), root};

        // 1: killed while the server stores the first document (its answer is held back 2 s)
        server.faults().delayNext(1, 2000, true, FaultInjectionFilter::isCreateDocument);
        try (TestJvm child = TestJvm.start(UploadChildMain.class, tmp.resolve("upload1.log"), args)) {
            assertThat(child.readUntil(l -> l.startsWith("creating "))).isNotNull();
            server.faults().awaitDelayedHandled(1, Duration.ofSeconds(30)); // stored, answer not yet sent
            child.kill();
        }
        server.faults().reset();

        // 2: killed right after the third document reached the EDMS
        List<String> second;
        try (TestJvm child = TestJvm.start(UploadChildMain.class, tmp.resolve("upload2.log"), args)) {
            int[] uploads = {0};
            assertThat(child.readUntil(l -> (l.startsWith("uploaded ") || l.startsWith("found-existing "))
                    && ++uploads[0] == 3)).isNotNull();
            child.kill();
            second = child.lines();
        }
        // the document stored during the first kill is found, not created again
        assertThat(second.get(0)).as("second run: %s", second).startsWith("found-existing ");

        // 3: runs to the end
        List<String> third;
        int exit;
        try (TestJvm child = TestJvm.start(UploadChildMain.class, tmp.resolve("upload3.log"), args)) {
            exit = child.waitFor();
            third = child.lines();
        }
        assertThat(third.get(third.size() - 1)).startsWith("outcome ALL_VERIFIED");
        assertThat(exit).isZero();

        CmisInspector edms = new CmisInspector(server.browserUrl());
        for (SamplePatient p : List.of(SamplePatientData.ALICE, SamplePatientData.BOB)) {
            List<CmisInspector.Entry> docs = edms.documents(List.of(root, p.nhsNumber()));
            List<byte[]> expected = new ArrayList<>();
            for (int i = 0; i < pdfs.size(); i++) {
                if (patients.get(i % patients.size()).equals(p)) {
                    expected.add(pdfs.get(i));
                }
            }
            List<byte[]> actual = new ArrayList<>();
            for (CmisInspector.Entry e : docs) {
                actual.add(edms.content(e.objectId()));
            }
            assertThat(actual).as("documents of " + p.givenName()).hasSize(expected.size())
                    .usingElementComparator(Arrays::compare).containsExactlyInAnyOrderElementsOf(expected);
        }
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            assertThat(store.report().count(DocumentState.PURGED)).isEqualTo(6);
            assertThat(store.verifyAll()).isEmpty();
        }
    }
}
