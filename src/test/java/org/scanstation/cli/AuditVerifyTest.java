package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.cli.ProcessedStore.Copy;
import org.scanstation.cli.ProcessedStore.Run;
import org.scanstation.store.AuditTamper;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.upload.AuditAnchoring;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * {@code audit --verify} against the real OpenCMIS InMemory server: a real store ({@code process}) is
 * uploaded (which files the audit trail's head in the EDMS); then copies of it have their trail cut,
 * altered, reordered, forged or damaged, without and with the store key. Each is exit 8 naming the
 * first bad record; the intact trail is exit 0.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditVerifyTest {

    private static final List<List<String>> ONE_BATCH = List.of(List.of("0017.png", "0036.jpg"));

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();
    private final CmisInspector edms = new CmisInspector(InMemoryCmisServer.shared().browserUrl());
    private final String root = "V-" + UUID.randomUUID();

    @TempDir
    Path tmp;

    private Copy uploaded;
    private int records;
    private String storeId;

    @BeforeAll
    void processAndUpload(@TempDir Path dir) throws Exception {
        uploaded = ProcessedStore.copy(ProcessedStore.template(ONE_BATCH), dir);
        Run upload = ProcessedStore.cli("upload", "--store", uploaded.store().toString(), "--key",
                uploaded.key().toString(), "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root",
                "/" + root);
        assertThat(upload.exit()).as(upload.out() + upload.err()).isZero();
        AuditTamper trail = new AuditTamper(uploaded.store(), new KeyFileProvider(uploaded.key()));
        records = trail.records().size();
        storeId = Files.readString(uploaded.store().resolve("store.id")).strip();
        assertThat(AuditTamper.type(trail.records().get(records - 1))).isEqualTo("audit-anchored");
    }

    private Copy copy() throws Exception {
        return ProcessedStore.copy(uploaded, tmp);
    }

    private AuditTamper tamper(Copy c) throws Exception {
        return new AuditTamper(c.store(), new KeyFileProvider(c.key()));
    }

    private Run verify(Copy c) {
        return ProcessedStore.cli("audit", "--verify", "--store", c.store().toString(), "--key", c.key().toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root", "/" + root);
    }

    private static void assertBad(Run r, int firstBadRecord, String... words) {
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCode.NEEDS_ATTENTION.code());
        List<String> verdict = r.err().lines().filter(l -> l.contains("the audit trail is NOT intact")).toList();
        assertThat(verdict).singleElement().asString().contains("first bad record: " + firstBadRecord + ": ")
                .contains(words);
        ProcessedStore.PATIENTS_FILED.forEach(nhs -> assertThat(r.out() + r.err()).doesNotContain(nhs));
    }

    private int firstOfType(List<byte[]> trail, String type) throws Exception {
        for (int i = 0; i < trail.size(); i++) {
            if (AuditTamper.type(trail.get(i)).equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " record");
    }

    @Test
    void anIntactTrailVerifiesAndItsHeadIsInTheEdmsWithoutPatientData() throws Exception {
        Run r = verify(copy());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains(records + " records, 1 anchor(s) in the EDMS", "Intact",
                "matches what the EDMS received");
        List<CmisInspector.Entry> anchors = edms.documents(List.of(root, AuditAnchoring.FOLDER, storeId));
        assertThat(anchors).singleElement().satisfies(a -> assertThat(a.name())
                .isEqualTo(String.format("audit-anchor-%s-%09d.json", storeId, records - 1)));
        String json = new String(edms.content(anchors.get(0).objectId()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"count\":" + (records - 1));
        ProcessedStore.PATIENTS_FILED.forEach(nhs -> assertThat(json).doesNotContain(nhs));
    }

    @Test
    void recordsCutFromTheEnd() throws Exception {
        Copy c = copy();
        tamper(c).cutAfter(records - 5);
        assertBad(verify(c), records - 5, "are missing");
    }

    @Test
    void aFlippedByteInARecord() throws Exception {
        Copy c = copy();
        tamper(c).flipByteIn(5);
        assertBad(verify(c), 5, "cannot be read", "fails its authentication check");
    }

    @Test
    void aFlippedByteInTheLastRecordIsNeitherDroppedNorCutOff() throws Exception {
        Copy c = copy();
        tamper(c).flipByteIn(records - 1);
        Path log = c.store().resolve("audit").resolve("audit.log");
        byte[] damaged = Files.readAllBytes(log);
        assertBad(verify(c), records - 1, "cannot be read");
        assertThat(Files.readAllBytes(log)).as("the damaged file is kept as it was").isEqualTo(damaged);
        assertThat(c.store().resolve("audit").resolve("audit.1.log")).as("the trail goes on beside it").exists();
        Run again = verify(c);
        assertThat(again.exit()).isEqualTo(ExitCode.NEEDS_ATTENTION.code());
        assertThat(again.out()).contains("the audit trail is damaged");
    }

    @Test
    void twoRecordsSwappedWithoutTheKey() throws Exception {
        Copy c = copy();
        tamper(c).swapEncrypted(6, 7);
        assertBad(verify(c), 6, "cannot be read");
    }

    @Test
    void aRecordAlteredWithTheKey() throws Exception {
        Copy c = copy();
        AuditTamper t = tamper(c);
        List<byte[]> trail = new ArrayList<>(t.records());
        int k = firstOfType(trail, "automatic-decision");
        trail.set(k, AuditTamper.withField(trail.get(k), "user", "someone-else"));
        t.rewrite(trail);
        assertBad(verify(c), k, "record " + k + " (automatic-decision");
    }

    @Test
    void recordsReorderedWithTheKeyAndTheChainRecomputed() throws Exception {
        Copy c = copy();
        AuditTamper t = tamper(c);
        List<byte[]> trail = new ArrayList<>(t.records());
        byte[] a = trail.get(4);
        trail.set(4, trail.get(5));
        trail.set(5, a);
        t.rewrite(AuditTamper.rechain(trail));
        assertBad(verify(c), 4, "is not the record the EDMS received");
    }

    @Test
    void aSupervisorDecisionForgedWithTheKeyAndTheChainRecomputed() throws Exception {
        Copy c = copy();
        AuditTamper t = tamper(c);
        List<byte[]> trail = new ArrayList<>(t.records());
        int held = firstOfType(trail, "held");
        byte[] forged = AuditTamper.withField(AuditTamper.withField(trail.get(held), "type", "review-decision"),
                "user", "supervisor");
        trail.add(held + 1, AuditTamper.withField(forged, "decision", "accept"));
        t.rewrite(AuditTamper.rechain(trail));
        assertBad(verify(c), held + 1, "is not the record the EDMS received");
    }

    @Test
    void heldEventsRemovedWithTheKeyAndTheChainRecomputed() throws Exception {
        Copy c = copy();
        AuditTamper t = tamper(c);
        List<byte[]> trail = new ArrayList<>(t.records());
        int held = firstOfType(trail, "held");
        trail.remove(held);
        t.rewrite(AuditTamper.rechain(trail));
        assertBad(verify(c), held, "is not the record the EDMS received");
    }

    @Test
    void theWholeTrailReplacedByANewOne() throws Exception {
        Copy c = copy();
        Files.delete(c.store().resolve("audit").resolve("audit.log"));
        assertBad(verify(c), 0, "missing");
    }

    @Test
    void anAnchorRemovedFromTheEdms() throws Exception {
        Copy c = ProcessedStore.copy(ProcessedStore.template(ONE_BATCH), tmp);
        String otherRoot = "W-" + UUID.randomUUID();
        Run upload = ProcessedStore.cli("upload", "--store", c.store().toString(), "--key", c.key().toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root", "/" + otherRoot);
        assertThat(upload.exit()).as(upload.out() + upload.err()).isZero();
        List<CmisInspector.Entry> anchors = edms.documents(List.of(otherRoot, AuditAnchoring.FOLDER, storeId));
        assertThat(anchors).hasSize(1);
        edms.delete(anchors.get(0).objectId());
        Run r = ProcessedStore.cli("audit", "--verify", "--store", c.store().toString(), "--key", c.key().toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root", "/" + otherRoot);
        assertBad(r, records - 1, "the EDMS holds no such anchor now");
    }

    @Test
    void withoutTheEdmsOnlyTheChainIsCheckedAndThatIsSaid() throws Exception {
        Copy c = copy();
        Run r = ProcessedStore.cli("audit", "--verify", "--store", c.store().toString(), "--key", c.key().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("not compared with the EDMS");
        tamper(c).flipByteIn(3);
        assertBad(ProcessedStore.cli("audit", "--verify", "--store", c.store().toString(), "--key",
                c.key().toString()), 3, "cannot be read");
    }
}
