package org.scanstation.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.SamplePatientData.SamplePatient;
import org.scanstation.store.testing.StoreFixture;
import org.scanstation.testing.MovableClock;
import org.scanstation.upload.cmis.CmisBrowserClient;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.FaultInjectionFilter;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;
import org.scanstation.upload.cmis.testing.LoopbackTcpProxy;
import org.scanstation.upload.cmis.testing.RecordingSleeper;

/** Upload runs against the real OpenCMIS InMemory server, with outages, 5xx, 4xx and slow answers. */
class UploadServiceTest {

    private static final EdmsCredentials LOGIN = new EdmsCredentials.Basic("dummyuser", "dummysecret");
    private static final List<SamplePatient> THREE_DOCS =
            List.of(SamplePatientData.ALICE, SamplePatientData.BOB, SamplePatientData.ALICE);

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();
    private final CmisInspector edms = new CmisInspector(server.browserUrl());
    private final List<String> root = List.of("U-" + UUID.randomUUID());
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @TempDir
    Path tmp;

    private BatchStore store;

    @BeforeEach
    void openStore() throws Exception {
        server.faults().reset();
        store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp));
    }

    @AfterEach
    void closeAll() throws Exception {
        server.faults().reset();
        for (AutoCloseable c : toClose) {
            c.close();
        }
        store.close();
    }

    private UploadSettings settings() {
        return UploadSettings.defaults().withFolderRoot(root)
                .withRetry(new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), 5), sleeper);
    }

    private CmisBrowserClient client(String url, Duration readTimeout) {
        CmisBrowserClient c = new CmisBrowserClient(EdmsConnection.of(url, LOGIN)
                .withTimeouts(Duration.ofSeconds(2), readTimeout));
        toClose.add(c);
        return c;
    }

    private UploadService service(UploadSettings settings) {
        return new UploadService(client(server.browserUrl(), Duration.ofSeconds(10)), settings);
    }

    private List<String> folder(SamplePatient p) {
        List<String> f = new ArrayList<>(root);
        f.add(p.nhsNumber());
        return f;
    }

    /** Every document of the batch is in its patient's folder exactly once, byte-identical. */
    private void assertEdmsHoldsExactlyOnce(List<SamplePatient> patients, List<byte[]> pdfs) throws Exception {
        for (SamplePatient p : List.of(SamplePatientData.ALICE, SamplePatientData.BOB)) {
            List<CmisInspector.Entry> docs = edms.documents(folder(p));
            List<byte[]> expected = new ArrayList<>();
            for (int i = 0; i < patients.size(); i++) {
                if (patients.get(i).equals(p)) {
                    expected.add(pdfs.get(i));
                }
            }
            assertThat(docs).as("documents of " + p.givenName()).hasSize(expected.size());
            List<byte[]> actual = new ArrayList<>();
            for (CmisInspector.Entry e : docs) {
                actual.add(edms.content(e.objectId()));
                assertThat(e.name()).doesNotContain(p.familyName());
            }
            assertThat(actual).usingElementComparator(java.util.Arrays::compare).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void uploadsABatchIntoEachPatientsFolderVerifiesAndPurgesTheLocalCopy() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, THREE_DOCS, 21);
        List<String> events = new ArrayList<>();
        List<long[]> progress = new ArrayList<>();
        UploadResult result = service(settings()).uploadAll(store, new UploadListener() {
            @Override
            public void sending(StoredDocument d, long sent, long total) {
                progress.add(new long[] {d.index(), sent, total});
            }

            @Override
            public void verified(StoredDocument d) {
                events.add("verified " + d.index());
            }
        });

        assertThat(result.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertThat(result.outcome().isSuccess()).isTrue();
        assertThat(result.created()).isEqualTo(3);
        assertThat(result.verified()).isEqualTo(3);
        assertThat(result.purged()).isEqualTo(3);
        assertThat(events).containsExactly("verified 0", "verified 1", "verified 2");
        long[] lastOfFirst = progress.stream().filter(p -> p[0] == 0).reduce((a, b) -> b).orElseThrow();
        assertThat(lastOfFirst[1]).isEqualTo(lastOfFirst[2]).isEqualTo(pdfs.get(0).length);
        assertEdmsHoldsExactlyOnce(THREE_DOCS, pdfs);

        StoredBatch batch = store.batches().get(0);
        assertThat(batch.documents()).allSatisfy(d -> {
            assertThat(d.state()).isEqualTo(DocumentState.PURGED);
            assertThat(d.edmsObjectId()).isNotBlank();
        });
        try (Stream<Path> s = Files.walk(store.root())) {
            assertThat(s.filter(p -> p.toString().endsWith(".enc")).toList()).as("local copies").isEmpty();
        }
        // a second run has nothing to do and makes no duplicate
        UploadResult again = service(settings()).uploadAll(store, UploadListener.SILENT);
        assertThat(again.outcome()).isEqualTo(UploadOutcome.NOTHING_TO_DO);
        assertEdmsHoldsExactlyOnce(THREE_DOCS, pdfs);
    }

    @Test
    void serverErrorsAreRetriedWithGrowingJitteredBackOff() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 22);
        server.faults().failNext(4, 500, r -> true);
        UploadSettings s = new UploadSettings(root, Duration.ZERO,
                new RetryPolicy(Duration.ofMillis(100), 2.0, Duration.ofSeconds(2), 6), sleeper, Clock.systemUTC(),
                new Random(42));
        UploadResult result = service(s).uploadAll(store, UploadListener.SILENT);

        assertThat(result.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertThat(sleeper.waits()).hasSize(4);
        for (int n = 1; n <= 4; n++) {
            long cap = 100L << (n - 1);
            assertThat(sleeper.waits().get(n - 1).toMillis()).as("wait " + n).isBetween(cap / 2, cap);
        }
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.BOB), pdfs);
    }

    @Test
    void anAnswerLostAfterTheServerStoredTheDocumentDoesNotMakeADuplicate() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 23);
        // the repository creates the document, then the answer is held past the client's time-out
        server.faults().delayNext(1, 1500, true, FaultInjectionFilter::isCreateDocument);
        UploadService impatient = new UploadService(client(server.browserUrl(), Duration.ofMillis(700)), settings());
        UploadResult result = impatient.uploadAll(store, UploadListener.SILENT);

        assertThat(result.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertThat(result.foundExisting()).isEqualTo(1);
        assertThat(result.created()).isZero();
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.ALICE), pdfs);
    }

    @Test
    void aSlowRequestHandledAfterTheClientGaveUpStillLeavesOneDocument() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 24);
        // held before the repository sees it: the retry arrives first, the late original meets the name guard
        server.faults().delayNext(1, 1500, false, FaultInjectionFilter::isCreateDocument);
        UploadService impatient = new UploadService(client(server.browserUrl(), Duration.ofMillis(700)), settings());
        UploadResult result = impatient.uploadAll(store, UploadListener.SILENT);
        assertThat(result.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        server.faults().awaitDelayedHandled(1, Duration.ofSeconds(30)); // the late original was handled too
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.BOB), pdfs);
    }

    @Test
    void networkOutageInTheMiddleOfABatchIsRiddenOutAndEveryDocumentArrivesOnce() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, THREE_DOCS, 25);
        LoopbackTcpProxy proxy = new LoopbackTcpProxy(server.port()).start();
        toClose.add(proxy);
        sleeper.onWait(n -> {
            if (n == 3) {
                restart(proxy);
            }
        });
        UploadService service = new UploadService(client(proxy.browserUrl(), Duration.ofSeconds(10)), settings());
        UploadResult result = service.uploadAll(store, new UploadListener() {
            @Override
            public void uploaded(StoredDocument d, EdmsDocument e) {
                if (d.index() == 0) {
                    proxy.stop(); // the network goes away after the first document
                }
            }
        });
        assertThat(result.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        // the outage was met and waited out (how many back-offs depends on when the cut lands in the stream)
        assertThat(sleeper.waits()).isNotEmpty();
        assertEdmsHoldsExactlyOnce(THREE_DOCS, pdfs);
    }

    @Test
    void anOutageLongerThanTheRetriesStopsTheRunAndTheNextRunFinishesIt() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, THREE_DOCS, 26);
        LoopbackTcpProxy proxy = new LoopbackTcpProxy(server.port()).start();
        toClose.add(proxy);
        UploadService service = new UploadService(client(proxy.browserUrl(), Duration.ofSeconds(10)), settings());
        UploadResult first = service.uploadAll(store, new UploadListener() {
            @Override
            public void verified(StoredDocument d) {
                proxy.stop();
            }
        });
        assertThat(first.outcome()).isEqualTo(UploadOutcome.EDMS_UNAVAILABLE);
        assertThat(first.outcome().isSuccess()).isFalse();
        assertThat(first.pending()).isEqualTo(2);
        assertThat(first.problems()).singleElement().asString().contains("EDMS unavailable");
        assertThat(store.report().pending()).isEqualTo(2);

        proxy.start();
        UploadResult second = service.uploadAll(store, UploadListener.SILENT);
        assertThat(second.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertEdmsHoldsExactlyOnce(THREE_DOCS, pdfs);
    }

    @Test
    void aCredentialsRejectionStopsTheRunAndLeavesTheQueueForAFixedRetry() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 27);
        server.faults().failNext(1, 403, r -> true);
        UploadResult refused = service(settings()).uploadAll(store, UploadListener.SILENT);
        assertThat(refused.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        assertThat(refused.problems()).singleElement().asString().contains("HTTP 403");
        assertThat(store.batches().get(0).documents()).extracting(StoredDocument::state)
                .containsOnly(DocumentState.QUEUED);
        assertThat(sleeper.waits()).isEmpty(); // a 4xx is never retried

        UploadResult fixed = service(settings()).uploadAll(store, UploadListener.SILENT);
        assertThat(fixed.outcome()).isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.ALICE, SamplePatientData.BOB), pdfs);
    }

    @Test
    void anUntrustedEdmsCertificateStopsTheRunWithoutFailingAnyDocument() throws Exception {
        StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 34);
        UploadService untrusted = new UploadService(client(server.httpsBrowserUrl(), Duration.ofSeconds(10)), settings());
        UploadResult result = untrusted.uploadAll(store, UploadListener.SILENT);
        assertThat(result.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        assertThat(result.problems()).singleElement().asString().contains("not trusted");
        assertThat(store.batches().get(0).documents()).extracting(StoredDocument::state)
                .containsOnly(DocumentState.QUEUED);
    }

    @Test
    void aDocumentTheServerRefusesIsMarkedFailedWithTheServersMessageAndTheOthersGoOn() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 28);
        server.faults().failNext(1, 413, FaultInjectionFilter::isCreateDocument);
        UploadResult result = service(settings()).uploadAll(store, UploadListener.SILENT);

        assertThat(result.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        assertThat(result.failed()).isEqualTo(1);
        StoredDocument refused = store.batches().get(0).document(0).orElseThrow();
        assertThat(refused.state()).isEqualTo(DocumentState.FAILED);
        assertThat(refused.lastDetail()).get().asString().contains("HTTP 413", "injected fault");
        assertThat(store.batches().get(0).document(1).orElseThrow().state()).isEqualTo(DocumentState.PURGED);
        assertThat(store.report().toText()).contains("failed", "injected fault");

        store.batches().get(0).requeue(0, "retry after the size limit was raised");
        assertThat(service(settings()).uploadAll(store, UploadListener.SILENT).outcome())
                .isEqualTo(UploadOutcome.ALL_VERIFIED);
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.ALICE, SamplePatientData.BOB), pdfs);
    }

    @Test
    void contentChangedOnTheServerBeforeVerificationIsCaughtAndNotPurged() throws Exception {
        StoreFixture.queuedBatch(store, List.of(SamplePatientData.BOB), 29);
        UploadResult result = service(settings()).uploadAll(store, new UploadListener() {
            @Override
            public void uploaded(StoredDocument d, EdmsDocument e) {
                try {
                    edms.replaceContent(e.objectId(), "%PDF-1.4 not the scan".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            }
        });
        assertThat(result.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        StoredDocument d = store.batches().get(0).document(0).orElseThrow();
        assertThat(d.state()).isEqualTo(DocumentState.FAILED);
        assertThat(d.lastDetail()).get().asString().contains("differs");
        assertThat(store.batches().get(0).readPdf(0)).isNotEmpty(); // the local copy is kept
    }

    @Test
    void aCorruptedLocalPdfIsNeverUploadedAndIsReportedByItsOpaqueName() throws Exception {
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE, SamplePatientData.BOB), 32);
        StoredBatch batch = store.batches().get(0);
        Path pdf = store.root().resolve("batches").resolve(batch.id().value()).resolve("docs").resolve("d00000.enc");
        byte[] bytes = Files.readAllBytes(pdf);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(pdf, bytes);

        UploadResult result = service(settings()).uploadAll(store, UploadListener.SILENT);
        assertThat(result.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        assertThat(result.problems()).singleElement().asString()
                .contains("batches/" + batch.id() + "/docs/d00000.enc", "authentication tag")
                .doesNotContain(SamplePatientData.ALICE.nhsNumber());
        assertThat(batch.document(0).orElseThrow().state()).isEqualTo(DocumentState.FAILED);
        assertThat(edms.documents(folder(SamplePatientData.ALICE))).isEmpty();
        assertEdmsHoldsExactlyOnce(List.of(SamplePatientData.BOB), List.of(pdfs.get(1)));
    }

    @Test
    void aDocumentWithoutAValidNhsNumberIsNeverFiledAnywhere() throws Exception {
        SamplePatient unknown = new SamplePatient("1234567890", "Nobody", "Known");
        StoreFixture.queuedBatch(store, List.of(unknown), 33);
        UploadResult result = service(settings()).uploadAll(store, UploadListener.SILENT);
        assertThat(result.outcome()).isEqualTo(UploadOutcome.NEEDS_ATTENTION);
        StoredDocument d = store.batches().get(0).document(0).orElseThrow();
        assertThat(d.state()).isEqualTo(DocumentState.FAILED);
        assertThat(d.lastDetail()).get().asString().contains("no valid NHS number");
        assertThat(edms.documents(root)).isEmpty();
        assertThat(edms.documents(List.of(root.get(0), unknown.nhsNumber()))).isEmpty();
    }

    @Test
    void verifiedDocumentsStayLocallyUntilTheRetentionHasPassed() throws Exception {
        StoreFixture.queuedBatch(store, List.of(SamplePatientData.ALICE), 30);
        MovableClock clock = new MovableClock(Instant.now());
        UploadSettings keepADay = settings().withRetention(Duration.ofHours(24)).withClock(clock);
        UploadResult first = service(keepADay).uploadAll(store, UploadListener.SILENT);
        assertThat(first.verified()).isEqualTo(1);
        assertThat(first.purged()).isZero();
        assertThat(store.batches().get(0).document(0).orElseThrow().state()).isEqualTo(DocumentState.VERIFIED);

        clock.advance(Duration.ofHours(25));
        UploadResult later = service(keepADay).uploadAll(store, UploadListener.SILENT);
        assertThat(later.purged()).isEqualTo(1);
        assertThat(store.batches().get(0).document(0).orElseThrow().state()).isEqualTo(DocumentState.PURGED);
    }

    @Test
    void theBackgroundQueueUploadsWhatIsQueuedWhenWoken() throws Exception {
        List<AtomicReference<UploadResult>> seen = List.of(new AtomicReference<>());
        UploadQueue queue = new UploadQueue(store, service(settings()), UploadListener.SILENT,
                r -> seen.get(0).set(r), Duration.ofMinutes(10), Duration.ofSeconds(1));
        toClose.add(queue);
        queue.start();
        List<byte[]> pdfs = StoreFixture.queuedBatch(store, THREE_DOCS, 31);
        queue.wake();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (store.report().count(DocumentState.PURGED) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        queue.stop();
        assertThat(store.report().count(DocumentState.PURGED)).isEqualTo(3);
        assertEdmsHoldsExactlyOnce(THREE_DOCS, pdfs);
        assertThat(queue.lastResult()).isNotNull();
    }

    private static void restart(LoopbackTcpProxy proxy) {
        try {
            proxy.start();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
