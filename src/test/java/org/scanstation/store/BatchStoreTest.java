package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

class BatchStoreTest {

    @TempDir
    Path tmp;

    private Path storeDir() {
        return tmp.resolve("store");
    }

    private BatchStore open() throws Exception {
        return BatchStore.open(storeDir(), StoreFixture.keyIn(tmp));
    }

    @Test
    void everythingStoredComesBackAfterReopeningWithItsStateAndHistory() throws Exception {
        byte[] page = SamplePatientData.png(SamplePatientData.ALICE, 1);
        byte[] pdf = SamplePatientData.pdf(SamplePatientData.ALICE, 1);
        BatchId id;
        try (BatchStore store = open()) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            id = b.id();
            int p = b.addPage(page, "image/png", "0001.png");
            b.putDecisions(SamplePatientData.decisionsJson(SamplePatientData.ALICE));
            b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(p));
            b.putPdf(0, pdf);
            b.queue(0);
        }
        try (BatchStore store = open()) {
            assertThat(store.recovery().cleanStart()).isTrue();
            StoredBatch b = store.batch(id).orElseThrow();
            assertThat(b.readPage(1)).isEqualTo(page);
            assertThat(b.readPdf(0)).isEqualTo(pdf);
            assertThat(b.readDecisions()).get().isEqualTo(SamplePatientData.decisionsJson(SamplePatientData.ALICE));
            StoredDocument d = b.document(0).orElseThrow();
            assertThat(d.state()).isEqualTo(DocumentState.QUEUED);
            assertThat(d.nhsNumber()).isEqualTo(SamplePatientData.ALICE.nhsNumber());
            assertThat(d.pdfSha256()).isEqualTo(Sha256.hex(pdf));
            assertThat(d.history()).extracting(StateChange::state)
                    .containsExactly(DocumentState.ANALYSED, DocumentState.EXPORTED, DocumentState.QUEUED);
            assertThat(b.pages()).singleElement().satisfies(sp -> {
                assertThat(sp.sha256()).isEqualTo(Sha256.hex(page));
                assertThat(sp.sourceName()).isEqualTo("0001.png");
            });
        }
    }

    @Test
    void storeFolderHoldsNoPlaintextImageOrPdfAndNoPatientIdentifier() throws Exception {
        List<byte[]> pdfs;
        try (BatchStore store = open()) {
            pdfs = StoreFixture.queuedBatch(store, SamplePatientData.patients(), 7);
            store.audit().automaticDecision(store.batches().get(0).id(), 1, "matched",
                    SamplePatientData.ALICE.nhsNumber(), List.of("label name Quixfeather agrees"));
        }
        List<byte[]> needles = new ArrayList<>(StoreScan.magics());
        for (SamplePatientData.SamplePatient p : SamplePatientData.patients()) {
            needles.add(p.nhsNumber().getBytes(StandardCharsets.US_ASCII));
            needles.add(p.formattedNhs().getBytes(StandardCharsets.US_ASCII));
            needles.add(p.familyName().getBytes(StandardCharsets.US_ASCII));
            needles.add(p.familyName().toUpperCase().getBytes(StandardCharsets.US_ASCII));
        }
        // the test data really carries what we look for
        assertThat(StoreScan.indexOf(pdfs.get(0), StoreScan.PDF)).isZero();
        assertThat(StoreScan.indexOf(pdfs.get(0), "Quixfeather".getBytes(StandardCharsets.US_ASCII))).isPositive();
        assertThat(StoreScan.indexOf(SamplePatientData.png(SamplePatientData.ALICE, 1), StoreScan.PNG)).isZero();
        assertThat(StoreScan.indexOf(SamplePatientData.jpeg(SamplePatientData.ALICE, 1), StoreScan.JPEG_JFIF)).isZero();

        assertThat(StoreScan.findings(storeDir(), needles)).isEmpty();
        try (Stream<Path> files = Files.walk(storeDir())) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(8);
        }
    }

    @Test
    void keyFileLivesOutsideTheStoreAndBothAreReadableOnlyByTheirOwner() throws Exception {
        KeyFileProvider keys = StoreFixture.keyIn(tmp);
        try (BatchStore store = BatchStore.open(storeDir(), keys)) {
            store.createBatch(StoreFixture.info());
        }
        assertThat(keys.file()).exists();
        assertThat(keys.file().startsWith(storeDir())).isFalse();
        if (keys.file().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.file()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(storeDir()))).isEqualTo("rwx------");
        }
        // the same key is read back, not replaced
        assertThat(new KeyFileProvider(keys.file()).key().getEncoded()).isEqualTo(keys.key().getEncoded());
    }

    @Test
    void aFlippedByteInAPageIsReportedByItsOpaqueNameNotTrusted() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            id = store.batches().get(0).id();
        }
        String rel = "batches/" + id + "/pages/p00001.enc";
        Path page = storeDir().resolve(rel);
        byte[] bytes = Files.readAllBytes(page);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(page, bytes);

        try (BatchStore store = open()) {
            StoredBatch b = store.batch(id).orElseThrow();
            assertThatThrownBy(() -> b.readPage(1))
                    .isInstanceOf(StoreCorruptedException.class)
                    .hasMessageContaining(rel)
                    .hasMessageContaining("authentication tag")
                    .hasMessageNotContaining(SamplePatientData.ALICE.nhsNumber())
                    .satisfies(e -> assertThat(((StoreCorruptedException) e).file()).isEqualTo(rel));
            assertThat(store.verifyAll()).extracting(StoreCorruptedException::file).containsExactly(rel);
            assertThat(b.readPage(2)).isNotEmpty(); // the rest is fine
        }
    }

    @Test
    void aFileMovedToAnotherNameFailsItsCheck() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            id = store.batches().get(0).id();
        }
        Path pages = storeDir().resolve("batches").resolve(id.value()).resolve("pages");
        Files.copy(pages.resolve("p00002.enc"), pages.resolve("p00001.enc"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (BatchStore store = open()) {
            assertThatThrownBy(() -> store.batch(id).orElseThrow().readPage(1)).isInstanceOf(StoreCorruptedException.class);
        }
    }

    @Test
    void aDamagedJournalRecordSetsItsBatchAsideWholeAndTheOtherBatchesCarryOn() throws Exception {
        BatchId damaged;
        BatchId other;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 4);
            damaged = store.batches().get(0).id();
            other = store.batches().get(1).id();
        }
        Path batchDir = storeDir().resolve("batches").resolve(damaged.value());
        Path journal = batchDir.resolve("journal.log");
        byte[] bytes = Files.readAllBytes(journal);
        bytes[30] ^= 0x40; // inside the first record
        Files.write(journal, bytes);
        List<String> before = relativeFiles(batchDir);
        try (BatchStore store = open()) {
            assertThat(store.batches()).extracting(StoredBatch::id).containsExactly(other);
            assertThat(store.recovery().batchesQuarantined()).isEqualTo(1);
            assertThat(store.notices()).singleElement().asString().contains("batch " + damaged, "set aside",
                    "record 0 fails its authentication check", "nothing was deleted");
            Quarantine.Item item = store.quarantined().get(0);
            assertThat(item.kind()).isEqualTo("batch");
            assertThat(item.files()).isEqualTo(before.size());
            Path kept = storeDir().resolve(item.folder());
            List<String> after = relativeFiles(kept);
            after.remove(Quarantine.NOTE);
            assertThat(after).containsExactlyInAnyOrderElementsOf(before);
            assertThat(Files.readAllBytes(kept.resolve("journal.log"))).isEqualTo(bytes);
            assertThat(store.report().toText()).contains("SET ASIDE FOR IT", damaged.value());
            assertThat(store.audit().events()).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("batch-quarantined");
                assertThat(e.batch()).isEqualTo(damaged.value());
            });
        }
        try (BatchStore store = open()) {
            assertThat(store.recovery().cleanStart()).as("set aside once, reported from then on").isTrue();
            assertThat(store.quarantined()).hasSize(1);
        }
    }

    @Test
    void theJournalOfAFullyPurgedBatchIsItsOnlyHistoryAndIsKeptWhenDamaged() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            StoredBatch b = store.batches().get(0);
            id = b.id();
            b.markUploaded(0, "obj-0", false);
            b.markVerified(0);
            b.purge(0);
        }
        Path journal = storeDir().resolve("batches").resolve(id.value()).resolve("journal.log");
        assertThat(relativeFiles(journal.getParent())).containsExactly("journal.log");
        byte[] bytes = Files.readAllBytes(journal);
        java.util.Arrays.fill(bytes, 4, bytes.length, (byte) 0); // header kept, records zeroed
        Files.write(journal, bytes);
        try (BatchStore store = open()) {
            assertThat(store.batches()).isEmpty();
            Quarantine.Item item = store.quarantined().get(0);
            assertThat(item.batch()).isEqualTo(id.value());
            assertThat(Files.readAllBytes(storeDir().resolve(item.folder()).resolve("journal.log"))).isEqualTo(bytes);
        }
    }

    private static List<String> relativeFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList());
        }
    }

    @Test
    void aWrongKeyIsReportedAsCorruptionNotReadAsGarbage() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
        }
        KeyFileProvider otherKey = new KeyFileProvider(tmp.resolve("other.key"));
        otherKey.key();
        List<String> before = relativeFiles(storeDir());
        assertThatThrownBy(() -> BatchStore.open(storeDir(), otherKey)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("key.check");
        assertThat(relativeFiles(storeDir())).as("a wrong key sets nothing aside and writes nothing")
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void aDamagedKeyCheckIsToldApartFromAWrongKeyByTheLogs() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
        }
        Path check = storeDir().resolve("key.check");
        byte[] b = Files.readAllBytes(check);
        b[b.length - 1] ^= 1;
        Files.write(check, b);
        KeyFileProvider otherKey = new KeyFileProvider(tmp.resolve("other.key"));
        otherKey.key();
        assertThatThrownBy(() -> BatchStore.open(storeDir(), otherKey)).isInstanceOf(StoreCorruptedException.class)
                .hasMessageContaining("does not open this store");
        try (BatchStore store = open()) {
            assertThat(store.notices()).singleElement().asString().contains("key.check", "written again");
            assertThat(store.batches()).hasSize(1);
            assertThat(store.quarantined()).isEmpty();
        }
    }

    @Test
    void aMissingKeyForAStoreThatHoldsDataIsNeverReplacedByANewOne() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
        }
        Path lost = tmp.resolve("lost").resolve("store.key");
        assertThatThrownBy(() -> BatchStore.open(storeDir(), new KeyFileProvider(lost)))
                .isInstanceOf(StoreKeyMissingException.class)
                .hasMessageContaining("holds data but its key is missing").hasMessageContaining("no new key");
        assertThat(lost).doesNotExist();
        assertThat(lost.getParent()).doesNotExist();
    }

    @Test
    void aTornLastJournalRecordIsDroppedAndTheBatchCarriesOn() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            StoredBatch b = store.batches().get(0);
            id = b.id();
            b.markUploaded(0, "obj-1", false); // the record we will tear
        }
        Path journal = storeDir().resolve("batches").resolve(id.value()).resolve("journal.log");
        long size = Files.size(journal);
        try (FileChannel ch = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            ch.truncate(size - 7);
        }
        try (BatchStore store = open()) {
            assertThat(store.recovery().tornRecordsDropped()).isEqualTo(1);
            StoredBatch b = store.batch(id).orElseThrow();
            assertThat(b.document(0).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
            b.markUploaded(0, "obj-1", false); // redone
        }
        try (BatchStore store = open()) {
            assertThat(store.recovery().cleanStart()).isTrue();
            assertThat(store.batch(id).orElseThrow().document(0).orElseThrow().state()).isEqualTo(DocumentState.UPLOADED);
        }
    }

    @Test
    void leftoversOfUnfinishedWritesAreNeverTrustedAndUnrecordedFilesAreSetAsideNotDeleted() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 3);
            id = store.batches().get(0).id();
        }
        Path batchDir = storeDir().resolve("batches").resolve(id.value());
        Files.write(batchDir.resolve("pages").resolve("p00003.enc.tmp-123"), new byte[] {1, 2, 3});
        Files.copy(batchDir.resolve("pages").resolve("p00001.enc"), batchDir.resolve("pages").resolve("p00003.enc"));
        Path halfBatch = storeDir().resolve("batches").resolve(BatchId.random().value());
        Files.createDirectories(halfBatch);
        byte[] unrecorded = Files.readAllBytes(batchDir.resolve("pages").resolve("p00003.enc"));
        try (BatchStore store = open()) {
            assertThat(store.recovery().temporaryFilesRemoved()).isEqualTo(1);
            assertThat(store.recovery().unrecordedFilesSetAside()).isEqualTo(1);
            assertThat(store.recovery().emptyBatchFoldersRemoved()).isEqualTo(1);
            assertThat(store.batches()).hasSize(1);
            assertThat(store.batch(id).orElseThrow().pages()).hasSize(2);
            Quarantine.Item item = store.quarantined().get(0);
            assertThat(item.kind()).isEqualTo("unrecorded-files");
            assertThat(Files.readAllBytes(storeDir().resolve(item.folder()).resolve("pages").resolve("p00003.enc")))
                    .isEqualTo(unrecorded);
            assertThat(store.notices()).singleElement().asString().contains("never recorded");
        }
        assertThat(batchDir.resolve("pages").resolve("p00003.enc")).doesNotExist();
        assertThat(halfBatch).as("an empty folder holds nothing").doesNotExist();
    }

    @Test
    void aPdfOrDecisionsACrashLeftUnrecordedAreMadeAgainNotSetAsideWhileAnUnrecordedPageIsKept() throws Exception {
        BatchId id;
        try (BatchStore store = open()) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 1), "image/png", "0001.png");
            b.addPage(SamplePatientData.png(SamplePatientData.ALICE, 2), "image/png", "0002.png");
            id = b.id();
        }
        Path batchDir = storeDir().resolve("batches").resolve(id.value());
        // a filing cut off after writing its outputs and before their journal records
        Files.createDirectories(batchDir.resolve("docs"));
        Files.copy(batchDir.resolve("pages").resolve("p00001.enc"), batchDir.resolve("docs").resolve("d00007.enc"));
        Files.copy(batchDir.resolve("pages").resolve("p00001.enc"), batchDir.resolve("decisions.enc"));
        // a page written and never recorded: the only copy of something scanned
        Files.copy(batchDir.resolve("pages").resolve("p00001.enc"), batchDir.resolve("pages").resolve("p00009.enc"));
        try (BatchStore store = open()) {
            assertThat(batchDir.resolve("docs").resolve("d00007.enc")).doesNotExist();
            assertThat(batchDir.resolve("decisions.enc")).doesNotExist();
            assertThat(store.recovery().unrecordedFilesSetAside()).as("only the page").isEqualTo(1);
            assertThat(store.quarantined()).singleElement().satisfies(q -> assertThat(q.files()).isEqualTo(1));
            assertThat(store.audit().events()).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("unrecorded-output-removed");
                assertThat(e.reasons()).singleElement().asString().contains("docs/d00007.enc", "decisions.enc");
            });
            assertThat(store.batch(id).orElseThrow().pages()).hasSize(2);
        }
    }

    @Test
    void onlyOneProcessMayHaveTheStoreOpen() throws Exception {
        try (BatchStore store = open()) {
            assertThatThrownBy(this::open).isInstanceOf(StoreLockedException.class).hasMessageContaining("in use");
        }
        open().close();
    }

    @Test
    void purgingAVerifiedDocumentDeletesItsLocalCopyButKeepsItsHistory() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, SamplePatientData.patients(), 5);
            StoredBatch b = store.batches().get(0);
            b.markUploaded(0, "obj-0", false);
            b.markVerified(0);
            b.purge(0);
            assertThatThrownBy(() -> b.readPdf(0)).isInstanceOf(IllegalStateException.class);
            assertThat(b.pages()).filteredOn(StoredPage::purged).hasSize(2);
            assertThatThrownBy(() -> b.purge(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot go from queued to purged");
            b.markUploaded(1, "obj-1", false);
            b.markVerified(1);
            b.purge(1);
        }
        try (BatchStore store = open()) {
            StoredBatch b = store.batches().get(0);
            assertThat(b.documents()).extracting(StoredDocument::state).containsOnly(DocumentState.PURGED);
            assertThat(store.verifyAll()).isEmpty();
            QueueReport report = store.report();
            assertThat(report.count(DocumentState.PURGED)).isEqualTo(2);
            assertThat(report.toText()).contains("purged").doesNotContain(SamplePatientData.ALICE.nhsNumber());
        }
        try (Stream<Path> s = Files.walk(storeDir().resolve("batches"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".enc")).toList()).isEmpty();
        }
    }

    @Test
    void auditTrailExportsEveryStepWithHashesDecisionsAndObjectIds() throws Exception {
        byte[] page;
        byte[] pdf;
        try (BatchStore store = open()) {
            StoredBatch b = store.createBatch(StoreFixture.info());
            page = SamplePatientData.png(SamplePatientData.BOB, 2);
            pdf = SamplePatientData.pdf(SamplePatientData.BOB, 2);
            b.addPage(page, "image/png", "0001.png");
            store.audit().automaticDecision(b.id(), 1, "review", SamplePatientData.BOB.nhsNumber(),
                    List.of("label date of birth disagrees with the index"));
            store.audit().reviewDecision(b.id(), 0, 1, "supervisor2", "accept", SamplePatientData.BOB.nhsNumber(),
                    List.of("checked against the ward list"));
            b.defineDocument(0, SamplePatientData.BOB.nhsNumber(), "Scanned health record", List.of(1));
            b.putPdf(0, pdf);
            b.queue(0);
            b.markUploaded(0, "edms-42", false);
            b.markVerified(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BatchStore store = open()) {
            store.audit().exportJson(out);
        }
        JsonNode events = new ObjectMapper().readTree(out.toByteArray()).get("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsSubsequence("batch-started", "page-image", "automatic-decision", "review-decision",
                "pdf", "queued", "upload", "verified");
        JsonNode started = find(events, "batch-started");
        assertThat(started.get("user").asText()).isEqualTo("clerk1");
        assertThat(started.get("device").asText()).contains("test:0");
        assertThat(started.get("settings").get("resolution").asText()).isEqualTo("300");
        assertThat(find(events, "page-image").get("sha256").asText()).isEqualTo(Sha256.hex(page));
        assertThat(find(events, "pdf").get("sha256").asText()).isEqualTo(Sha256.hex(pdf));
        assertThat(find(events, "automatic-decision").get("reasons").get(0).asText()).contains("date of birth");
        JsonNode review = find(events, "review-decision");
        assertThat(review.get("user").asText()).isEqualTo("supervisor2");
        assertThat(review.get("at").asText()).isNotBlank();
        assertThat(find(events, "upload").get("edmsObjectId").asText()).isEqualTo("edms-42");
    }

    private static JsonNode find(JsonNode events, String type) {
        for (JsonNode e : events) {
            if (e.get("type").asText().equals(type)) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " event in " + events);
    }
}
