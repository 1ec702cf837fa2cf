package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.StoreFixture;

/** The audit trail's hash chain, and what a crash or damage does to it. */
class AuditTrailTest {

    @TempDir
    Path tmp;

    private Path storeDir() {
        return tmp.resolve("store");
    }

    private BatchStore open() throws Exception {
        return BatchStore.open(storeDir(), StoreFixture.keyIn(tmp));
    }

    private Path log() {
        return storeDir().resolve("audit").resolve("audit.log");
    }

    @Test
    void everyRecordCarriesItsPlaceAndTheHashOfTheRecordBefore() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<AuditRecord> records;
        try (BatchStore store = open()) {
            store.audit().exportJson(out);
            records = store.audit().records();
            assertThat(AuditVerification.verify(store.audit(), List.of(), false).intact()).isTrue();
        }
        JsonNode export = new ObjectMapper().readTree(out.toByteArray());
        JsonNode events = export.get("events");
        assertThat(events.get(0).get("type").asText()).isEqualTo("trail-started");
        assertThat(events.get(0).get("prev").asText()).isEqualTo(AuditTrail.NO_PREVIOUS);
        assertThat(export.get("store").asText()).isEqualTo(events.get(0).get("settings").get("store").asText())
                .isEqualTo(Files.readString(storeDir().resolve("store.id")).strip());
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).get("seq").asInt()).isEqualTo(i);
            assertThat(events.get(i).get("prev").asText()).isEqualTo(records.get(i - 1).hash());
        }
    }

    @Test
    void aRecordTornByAStopIsDroppedAndTheTrailSaysSo() throws Exception {
        int before;
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 1);
            before = store.audit().size();
        }
        try (FileChannel ch = FileChannel.open(log(), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 9);
        }
        try (BatchStore store = open()) {
            List<AuditRecord> records = store.audit().records();
            assertThat(records).hasSize(before);
            assertThat(records.get(before - 1).type()).isEqualTo("torn-record-dropped");
            AuditVerdict v = AuditVerification.verify(store.audit(), List.of(), false);
            assertThat(v.intact()).isTrue();
            assertThat(v.notes()).anySatisfy(n -> assertThat(n).contains("incomplete", "was dropped"));
        }
    }

    @Test
    void aLastRecordZeroFilledByAPowerCutIsTornButOneWithAFlippedByteIsDamage() throws Exception {
        try (BatchStore store = open()) {
            StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 1);
        }
        byte[] intact = Files.readAllBytes(log());
        byte[] zeroTail = intact.clone();
        java.util.Arrays.fill(zeroTail, zeroTail.length - 20, zeroTail.length, (byte) 0);
        Files.write(log(), zeroTail);
        try (BatchStore store = open()) {
            assertThat(store.notices()).isEmpty();
            assertThat(store.audit().records().get(store.audit().size() - 1).type()).isEqualTo("torn-record-dropped");
        }
        byte[] flipped = Files.readAllBytes(log());
        flipped[flipped.length - 20] ^= 0x01;
        Files.write(log(), flipped);
        try (BatchStore store = open()) {
            assertThat(store.notices()).singleElement().asString().contains("audit trail is damaged",
                    "fails its authentication check", "kept as it was", "audit/audit.1.log");
            assertThat(store.quarantined()).singleElement().satisfies(q -> assertThat(q.kind()).isEqualTo("audit-trail"));
            AuditVerdict v = AuditVerification.verify(store.audit(), List.of(), false);
            assertThat(v.firstBadRecord()).get().satisfies(p -> assertThat(p.words()).contains("cannot be read"));
            StoredBatch b = store.createBatch(StoreFixture.info()); // the store works on
            b.addPage(new byte[] {1}, "image/png", "x.png");
        }
        assertThat(Files.readAllBytes(log())).as("never cut or rewritten").isEqualTo(flipped);
        try (BatchStore store = open()) {
            assertThat(store.notices()).as("continued once, not again at every open").isEmpty();
            assertThat(AuditVerification.verify(store.audit(), List.of(), false).intact()).isFalse();
        }
    }
}
