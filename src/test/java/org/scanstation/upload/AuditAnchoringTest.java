package org.scanstation.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.AuditAnchor;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.upload.cmis.CmisBrowserClient;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.scanstation.upload.cmis.testing.RecordingSleeper;

/** Upload runs file the audit trail's head in the real OpenCMIS InMemory server, once per change. */
class AuditAnchoringTest {

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();
    private final CmisInspector edms = new CmisInspector(server.browserUrl());
    private final List<String> root = List.of("A-" + UUID.randomUUID());

    @TempDir
    Path tmp;

    private BatchStore store;
    private CmisBrowserClient client;

    @BeforeEach
    void open() throws Exception {
        store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp));
        client = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                new EdmsCredentials.Basic("dummyuser", "dummysecret")));
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        store.close();
    }

    private UploadResult upload() {
        UploadSettings s = UploadSettings.defaults().withFolderRoot(root)
                .withRetry(new RetryPolicy(Duration.ofMillis(10), 2.0, Duration.ofMillis(100), 2), new RecordingSleeper());
        return new UploadService(client, s).uploadAll(store, UploadListener.SILENT);
    }

    private List<CmisInspector.Entry> anchors() throws Exception {
        return edms.documents(List.of(root.get(0), AuditAnchoring.FOLDER, store.audit().storeId()));
    }

    @Test
    void anAnchorIsFiledWhenTheTrailGrewAndNotOnEveryIdleRun() throws Exception {
        StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 1);
        assertThat(upload().outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertThat(anchors()).hasSize(1);
        assertThat(upload().outcome()).isEqualTo(UploadOutcome.NOTHING_TO_DO);
        assertThat(upload().outcome()).isEqualTo(UploadOutcome.NOTHING_TO_DO);
        assertThat(anchors()).as("idle runs file nothing").hasSize(1);

        StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 2);
        assertThat(upload().outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        List<AuditAnchor> found = new AuditAnchoring(client, root).anchors(store.audit().storeId()).anchors();
        assertThat(found).hasSize(2);
        AuditAnchor first = found.get(0).count() < found.get(1).count() ? found.get(0) : found.get(1);
        AuditAnchor second = first == found.get(0) ? found.get(1) : found.get(0);
        assertThat(first.from()).isZero();
        assertThat(second.from()).as("each anchor covers the records since the one before").isEqualTo(first.count());
        for (CmisInspector.Entry e : anchors()) {
            String json = new String(edms.content(e.objectId()), StandardCharsets.UTF_8);
            assertThat(json).doesNotContain(SamplePatientData.ALICE.nhsNumber(), SamplePatientData.BOB.nhsNumber(),
                    SamplePatientData.ALICE.familyName());
        }
    }

    @Test
    void anotherAnchorForTheSameCountIsAConflictAPersonMustSee() throws Exception {
        // a batch held for review: the run uploads nothing, so it anchors the trail as it is now
        StoredBatch b = store.createBatch(StoreFixture.info());
        b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 4), "image/png", "0001.png");
        b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(1));
        b.hold(0, "page 1 needs review");
        b.seal();
        AuditAnchor mine = store.audit().pendingAnchor().orElseThrow();
        List<String> hashes = new ArrayList<>(mine.hashes());
        hashes.set(hashes.size() - 1, "f".repeat(64));
        AuditAnchor rival = new AuditAnchor(AuditAnchor.FORMAT, mine.store(), mine.from(), mine.count(),
                hashes.get(hashes.size() - 1), hashes, mine.anchoredAt());
        List<String> folder = new ArrayList<>(root);
        folder.add(AuditAnchoring.FOLDER);
        folder.add(mine.store());
        client.createFile(client.ensureFolder(folder), rival.fileName(), "application/json", rival.toJson(), "rival");

        UploadResult r = upload();

        assertThat(r.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        assertThat(r.problems()).singleElement().asString()
                .contains(mine.fileName(), "with another hash", "scanstation audit --verify");
        assertThat(store.audit().pendingAnchor()).as("not recorded as anchored").isPresent();
    }
}
