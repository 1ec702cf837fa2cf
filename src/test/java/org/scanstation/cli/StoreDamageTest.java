package org.scanstation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.scanstation.cli.ProcessedStore.Copy;
import org.scanstation.cli.ProcessedStore.Run;
import org.scanstation.doctor.CheckResult;
import org.scanstation.doctor.CheckStatus;
import org.scanstation.doctor.StoreCheck;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * Damaged copies of a real store (made by {@code process}, two batches): a batch journal zeroed, missing, emptied,
 * with a damaged record in the middle or at the end. No command deletes anything; the damaged batch
 * is set aside whole and reported in words by {@code queue}, {@code upload} and {@code doctor}; the
 * other batches still upload. An interrupted batch comes back for review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreDamageTest {

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();

    @TempDir
    Path tmp;

    private Copy template;

    @BeforeAll
    void processThreeBatches() throws Exception {
        template = ProcessedStore.template(ProcessedStore.TWO_BATCHES);
    }

    /** Ways a journal gets damaged. */
    enum Damage {
        ZEROED("holds only zeros") {
            @Override
            void apply(Path journal) throws Exception {
                Files.write(journal, new byte[(int) Files.size(journal)]);
            }
        },
        MISSING("journal.log is missing") {
            @Override
            void apply(Path journal) throws Exception {
                Files.delete(journal);
            }
        },
        EMPTIED("the file is empty") {
            @Override
            void apply(Path journal) throws Exception {
                Files.write(journal, new byte[0]);
            }
        },
        BODY_ZEROED("record 0") {
            @Override
            void apply(Path journal) throws Exception {
                byte[] b = Files.readAllBytes(journal);
                Arrays.fill(b, 4, b.length, (byte) 0);
                Files.write(journal, b);
            }
        },
        RECORD_IN_THE_MIDDLE("record 2 fails its authentication check") {
            @Override
            void apply(Path journal) throws Exception {
                flipInRecord(journal, 2);
            }
        },
        LAST_RECORD("fails its authentication check") {
            @Override
            void apply(Path journal) throws Exception {
                flipInRecord(journal, -1);
            }
        };

        final String words;

        Damage(String words) {
            this.words = words;
        }

        abstract void apply(Path journal) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void queueDeletesNothingSetsTheBatchAsideAndSaysSoInWords(Damage damage) throws Exception {
        Copy copy = ProcessedStore.copy(template, tmp);
        String damaged = copy.batchIds().get(0);
        damage.apply(journal(copy, damaged));
        Map<String, String> before = ProcessedStore.contents(copy.store());

        Run queue = ProcessedStore.cli("queue", "--store", copy.store().toString(), "--key", copy.key().toString());

        assertThat(queue.exit()).as(queue.err()).isZero();
        assertThat(queue.out()).contains("SET ASIDE FOR IT", "batch " + damaged + " was set aside", damage.words,
                "nothing was deleted");
        assertThat(queue.err()).contains("scanstation: note: batch " + damaged, "the other batches carry on");
        assertThat(queue.out()).contains("batch " + copy.batchIds().get(1));
        ProcessedStore.PATIENTS_FILED.forEach(nhs -> assertThat(queue.out() + queue.err()).doesNotContain(nhs));
        assertNothingDeletedOrChanged(before, copy.store());

        Run again = ProcessedStore.cli("queue", "--store", copy.store().toString(), "--key", copy.key().toString());
        assertThat(again.out()).as("still reported on the next run").contains("batch " + damaged + " was set aside");
        assertNothingDeletedOrChanged(before, copy.store());

        CheckResult doctor = new StoreCheck(copy.store(), copy.key()).run();
        assertThat(doctor.status()).isEqualTo(CheckStatus.WARN);
        assertThat(doctor.summary()).contains("set aside", "nothing deleted", "batch " + damaged);
    }

    @Test
    void theOtherBatchesUploadAndTheDamagedOneIsKept() throws Exception {
        Copy copy = ProcessedStore.copy(template, tmp);
        String damaged = copy.batchIds().get(0);
        Damage.RECORD_IN_THE_MIDDLE.apply(journal(copy, damaged));
        Map<String, String> before = ProcessedStore.contents(copy.store());
        String root = "D-" + UUID.randomUUID();

        Run upload = ProcessedStore.cli("upload", "--store", copy.store().toString(), "--key", copy.key().toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root", "/" + root);

        assertThat(upload.exit()).as(upload.out() + upload.err()).isEqualTo(ExitCode.NEEDS_ATTENTION.code());
        assertThat(upload.out()).contains("1 created", "1 verified");
        assertThat(upload.err()).contains("not uploaded, in quarantine: batch " + damaged);
        CmisInspector edms = new CmisInspector(server.browserUrl());
        assertThat(edms.documents(List.of(root, ProcessedStore.PATIENTS_FILED.get(0)))).isEmpty();
        assertThat(edms.documents(List.of(root, ProcessedStore.PATIENTS_FILED.get(1)))).hasSize(1);
        // the damaged batch's files are all still there, byte for byte
        Map<String, String> after = ProcessedStore.contents(copy.store());
        before.entrySet().stream().filter(e -> e.getKey().startsWith("batches/" + damaged))
                .forEach(e -> assertThat(after).as(e.getKey()).containsValue(e.getValue()));
        Run queue = ProcessedStore.cli("queue", "--store", copy.store().toString(), "--key", copy.key().toString());
        assertThat(queue.out()).contains("purged", "held", "batch " + damaged + " was set aside");
    }

    @Test
    void aBatchInterruptedBeforeItsAnalysisWasCompleteComesBackForReview() throws Exception {
        Copy copy = ProcessedStore.copy(template, tmp);
        byte[] first = Files.readAllBytes(ProcessedStore.BATCH.resolve("0044.jpg"));
        byte[] second = Files.readAllBytes(ProcessedStore.BATCH.resolve("0045.jpg"));
        String interrupted;
        // what a process run killed while storing its pages leaves: the pages, no analysis
        try (BatchStore store = BatchStore.open(copy.store(), new KeyFileProvider(copy.key()))) {
            StoredBatch b = store.createBatch(new org.scanstation.store.BatchInfo("clerk-test", "WARD-TEST", Map.of()));
            b.addPage(first, "image/jpeg", "0044.jpg");
            b.addPage(second, "image/jpeg", "0045.jpg");
            interrupted = b.id().value();
        }

        Run process = ProcessedStore.cli("process", "--quiet", "--patients", ProcessedStore.PATIENTS.toString(),
                "--store", copy.store().toString(), "--key", copy.key().toString(),
                ProcessedStore.BATCH.resolve("0024.png").toString());

        assertThat(process.exit()).as(process.err()).isZero();
        assertThat(process.err()).contains("scanstation: note: batch " + interrupted
                + " was interrupted before its analysis was complete", "2 page(s) are kept and held for review");
        Run queue = ProcessedStore.cli("queue", "--store", copy.store().toString(), "--key", copy.key().toString());
        assertThat(queue.out()).contains("batch " + interrupted, "held", "stopped before its analysis was complete");
        try (BatchStore store = BatchStore.open(copy.store(), new KeyFileProvider(copy.key()))) {
            StoredBatch kept = store.batch(interrupted);
            assertThat(kept.readPage(1)).isEqualTo(first);
            assertThat(kept.readPage(2)).isEqualTo(second);
            assertThat(kept.documents()).singleElement().satisfies(d -> {
                assertThat(d.state()).isEqualTo(DocumentState.HELD);
                assertThat(d.pages()).containsExactly(1, 2);
            });
            assertThat(store.audit().events()).anySatisfy(e -> {
                assertThat(e.type()).isEqualTo("batch-interrupted");
                assertThat(e.batch()).isEqualTo(interrupted);
            });
            assertThat(store.batches()).flatExtracting(StoredBatch::documents).extracting(StoredDocument::state)
                    .doesNotContain(DocumentState.ANALYSED);
        }
    }

    private static Path journal(Copy copy, String batch) {
        return copy.store().resolve("batches").resolve(batch).resolve("journal.log");
    }

    /** Every file there before is there after with the same bytes (moved or not); audit files only grew. */
    private static void assertNothingDeletedOrChanged(Map<String, String> before, Path store) throws Exception {
        Map<String, String> after = ProcessedStore.contents(store);
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (e.getKey().startsWith("audit/")) {
                assertThat(Files.size(store.resolve(e.getKey()))).as(e.getKey()).isPositive();
                continue;
            }
            assertThat(after).as("%s is still somewhere in the store, unchanged", e.getKey()).containsValue(e.getValue());
        }
    }

    /** Flips a byte inside record {@code index} of a log ({@code -1}: the last record). */
    static void flipInRecord(Path log, int index) throws Exception {
        byte[] all = Files.readAllBytes(log);
        List<Integer> starts = new java.util.ArrayList<>();
        for (int pos = 4; pos < all.length; pos += 4 + ByteBuffer.wrap(all, pos, 4).getInt()) {
            starts.add(pos);
        }
        int start = starts.get(index < 0 ? starts.size() + index : index);
        int len = ByteBuffer.wrap(all, start, 4).getInt();
        all[start + 4 + len / 2] ^= 0x20;
        Files.write(log, all);
    }
}
