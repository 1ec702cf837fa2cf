package org.scanstation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.BatchIntake.ExportPage;
import org.scanstation.store.BatchIntake.IntakePage;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.SamplePatientData.SamplePatient;
import org.scanstation.store.testing.StoreFixture;

class BatchIntakeTest {

    @TempDir
    Path tmp;

    private final List<List<ExportPage>> exported = new ArrayList<>();

    /** A real (if plain) PDF exporter: one page per image, rotation applied by the page's /Rotate. */
    private byte[] export(List<ExportPage> pages, String title) throws IOException {
        exported.add(pages);
        try (PDDocument doc = new PDDocument()) {
            for (ExportPage p : pages) {
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.image()));
                PDPage page = new PDPage(new PDRectangle(img.getWidth(), img.getHeight()));
                page.setRotation(p.rotation());
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(LosslessFactory.createFromImage(doc, img), 0, 0);
                }
            }
            doc.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static IntakePage page(String source, SamplePatient p, String status, Integer doc, int rotation)
            throws IOException {
        return new IntakePage(source, SamplePatientData.png(p, source.hashCode()), "image/png", status,
                p == null ? null : p.nhsNumber(), doc, rotation, 0.9, List.of("reason for " + source));
    }

    private List<IntakePage> sampleBatch() throws IOException {
        SamplePatient alice = SamplePatientData.ALICE;
        SamplePatient bob = SamplePatientData.BOB;
        return List.of(
                page("0001.png", alice, "matched", 0, 0),
                page("0002.png", alice, "matched", 0, 180),
                page("0003.png", alice, "blank", null, 0),
                page("0004.png", alice, "separator", null, 0),
                page("0005.png", bob, "review", 1, 0),
                page("0006.png", alice, "matched", 2, 0),
                page("0007.png", bob, "matched", 2, 0));
    }

    @Test
    void autoFiledDocumentsAreExportedAndQueuedTheRestHeldForReview() throws Exception {
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            BatchIntake.IntakeResult r = new BatchIntake(store, this::export, "Scanned health record")
                    .intake(StoreFixture.info(), sampleBatch());
            assertThat(r.pages()).isEqualTo(7);
            assertThat(r.queued()).isEqualTo(1);
            assertThat(r.held()).isEqualTo(2);

            StoredBatch b = store.batch(r.batchId()).orElseThrow();
            assertThat(b.isSealed()).isTrue();
            StoredDocument first = b.document(0).orElseThrow();
            assertThat(first.state()).isEqualTo(DocumentState.QUEUED);
            assertThat(first.nhsNumber()).isEqualTo(SamplePatientData.ALICE.nhsNumber());
            assertThat(first.pages()).containsExactly(1, 2);
            assertThat(b.document(1).orElseThrow().state()).isEqualTo(DocumentState.HELD);
            assertThat(b.document(1).orElseThrow().lastDetail()).get().asString().contains("needs review");
            assertThat(b.document(2).orElseThrow().lastDetail()).get().asString().contains("different patients");

            assertThat(exported).hasSize(1);
            assertThat(exported.get(0)).extracting(ExportPage::source, ExportPage::rotation)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("0001.png", 0),
                            org.assertj.core.groups.Tuple.tuple("0002.png", 180));
            try (PDDocument pdf = Loader.loadPDF(b.readPdf(0))) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(2);
                assertThat(pdf.getPage(1).getRotation()).isEqualTo(180);
            }
            String decisions = new String(b.readDecisions().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(decisions).contains("\"status\":\"separator\"", "reason for 0005.png");
            assertThat(store.audit().events()).filteredOn(e -> e.type().equals("automatic-decision")).hasSize(7);
        }
    }

    @Test
    void anIntakeInterruptedDuringExportIsFinishedOnRecoveryAndOneInterruptedEarlierIsKeptForReview() throws Exception {
        Path storeDir = tmp.resolve("store");
        BatchId interrupted;
        BatchId early;
        List<IntakePage> pages = new ArrayList<>(sampleBatch());
        pages.set(4, page("0005.png", SamplePatientData.BOB, "matched", 1, 0)); // two auto-filed documents
        AtomicInteger exports = new AtomicInteger();
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            BatchIntake.DocumentExporter powerCutOnSecond = (p, t) -> {
                if (exports.incrementAndGet() == 2) {
                    throw new IOException("power cut");
                }
                return export(p, t);
            };
            assertThatThrownBy(() -> new BatchIntake(store, powerCutOnSecond, "Scanned").intake(StoreFixture.info(), pages))
                    .hasMessage("power cut");
            interrupted = store.batches().get(0).id();
            StoredBatch half = store.createBatch(StoreFixture.info()); // pages stored, analysis never completed
            half.addPage(SamplePatientData.png(SamplePatientData.ALICE, 9), "image/png", "0001.png");
            half.addPage(SamplePatientData.png(SamplePatientData.BOB, 10), "image/png", "0002.png");
            early = half.id();
        }
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            assertThat(store.unsealedBatches()).hasSize(2);
            List<BatchIntake.IntakeResult> done = new BatchIntake(store, this::export, "Scanned").recover(store);
            assertThat(done).singleElement().satisfies(r -> {
                assertThat(r.batchId()).isEqualTo(interrupted);
                assertThat(r.queued()).isEqualTo(2);
                assertThat(r.held()).isEqualTo(1);
            });
            StoredBatch kept = store.batch(early).orElseThrow();
            assertThat(kept.isSealed()).isTrue();
            assertThat(kept.pages()).hasSize(2);
            assertThat(kept.documents()).singleElement().satisfies(d -> {
                assertThat(d.state()).isEqualTo(DocumentState.HELD);
                assertThat(d.pages()).containsExactly(1, 2);
                assertThat(d.nhsNumber()).as("a person decides who it belongs to").isNull();
                assertThat(d.lastDetail()).get().asString().contains("stopped before its analysis was complete");
            });
            assertThat(kept.readPage(2)).isEqualTo(SamplePatientData.png(SamplePatientData.BOB, 10));
            assertThat(store.notices()).singleElement().asString()
                    .contains("batch " + early, "2 page(s) are kept and held for review");
            assertThat(store.audit().events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("batch-interrupted"));
            assertThat(store.unsealedBatches()).isEmpty();
            assertThat(store.verifyAll()).isEmpty();
        }
    }
}
