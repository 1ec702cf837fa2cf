package org.scanstation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.awt.Rectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.scanstation.export.DocumentExporter;
import org.scanstation.export.PreparedPages;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.OcrWord;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.PdfPage;
import org.scanstation.image.Transform;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.testing.SamplePatientData;
import org.scanstation.store.testing.SamplePatientData.SamplePatient;
import org.scanstation.store.testing.StoreFixture;

/**
 * Filing a stored batch with the one rule and the one PDF builder (real Tesseract, real store): what
 * is queued and what is held, pages built upright, and a filing stopped at any point after its commit
 * point finished exactly once.
 */
class BatchFilerTest {

    static TextLayerOcr ocr;
    static PatientIndex index;

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    @BeforeAll
    static void engines() throws Exception {
        ocr = new TextLayerOcr(TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.PAGE), 1, 2);
        Path csv = shared.resolve("patients.csv");
        List<String> lines = new ArrayList<>(List.of("nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode"));
        for (SamplePatient p : SamplePatientData.patients()) {
            lines.add(p.nhsNumber() + ",Q" + p.nhsNumber().substring(3) + "," + p.familyName() + "," + p.givenName()
                    + ",1970-01-01,F,LE1 1AA");
        }
        Files.write(csv, lines);
        index = CsvPatientIndex.load(csv);
    }

    @AfterAll
    static void close() {
        ocr.close();
    }

    private BatchFiler filer(BatchStore store) {
        return new BatchFiler(new StoredDocumentPdf(new DocumentExporter(ocr, new PdfaDocumentWriter()), index),
                store.audit());
    }

    private static Patient patient(SamplePatient p) {
        return new Patient(new NhsNumber(p.nhsNumber()), "Q" + p.nhsNumber().substring(3), p.familyName(),
                p.givenName(), LocalDate.of(1970, 1, 1), "F", "LE1 1AA");
    }

    /** Stores a page (upside down when {@code rotation} is 180) and says how the analysis saw it. */
    private static BatchFiler.FiledPage page(StoredBatch b, String name, SamplePatient p, PageStatus status,
                                             Integer doc, int rotation) throws IOException {
        BufferedImage img = SamplePatientData.page(p, name.hashCode());
        if (rotation == 180) {
            img = PdfPageImages.upsideDown(img);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        int stored = b.addPage(png.toByteArray(), "image/png", name, 150);
        List<Transform> transforms = rotation == 0 ? List.of() : List.of(new Transform.Rotate(rotation));
        PageAnalysis a = new PageAnalysis(stored - 1, PageId.single(Path.of(name)), status,
                status == PageStatus.BLANK || status == PageStatus.SEPARATOR ? null : patient(p), 0.9, rotation, 0,
                doc, List.of(), List.of(), transforms, List.of("reason for " + name));
        return new BatchFiler.FiledPage(stored, a, doc);
    }

    private List<BatchFiler.FiledPage> sampleBatch(StoredBatch b) throws IOException {
        SamplePatient alice = SamplePatientData.ALICE;
        SamplePatient bob = SamplePatientData.BOB;
        return List.of(
                page(b, "0001.png", alice, PageStatus.MATCHED, 0, 0),
                page(b, "0002.png", alice, PageStatus.MATCHED, 0, 180),
                page(b, "0003.png", alice, PageStatus.BLANK, null, 0),
                page(b, "0004.png", alice, PageStatus.SEPARATOR, null, 0),
                page(b, "0005.png", bob, PageStatus.REVIEW, 1, 0),
                page(b, "0006.png", alice, PageStatus.MATCHED, 2, 0),
                page(b, "0007.png", bob, PageStatus.MATCHED, 2, 0));
    }

    @Test
    void autoFiledDocumentsAreBuiltUprightAndQueuedTheRestHeldWithTheRulesReason() throws Exception {
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.PROCESS));
            FilingResult r = filer(store).file(b, sampleBatch(b), null);
            assertThat(r.pages()).isEqualTo(7);
            assertThat(r.queued()).isEqualTo(1);
            assertThat(r.held()).isEqualTo(2);

            assertThat(b.isSealed()).isTrue();
            assertThat(b.document(0).orElseThrow().state()).isEqualTo(DocumentState.QUEUED);
            assertThat(b.document(0).orElseThrow().nhsNumber()).isEqualTo(SamplePatientData.ALICE.nhsNumber());
            assertThat(b.document(0).orElseThrow().pages()).containsExactly(1, 2);
            assertThat(b.document(1).orElseThrow().state()).isEqualTo(DocumentState.HELD);
            assertThat(b.document(1).orElseThrow().lastDetail()).get().asString().contains("0005.png needs review");
            assertThat(b.document(2).orElseThrow().lastDetail()).get().asString().contains("different patients");

            byte[] pdf = b.readPdf(0);
            List<BufferedImage> images = PdfPageImages.of(pdf);
            BufferedImage upright = SamplePatientData.page(SamplePatientData.ALICE, "0002.png".hashCode());
            assertThat(PdfPageImages.meanDifference(images.get(1), upright))
                    .as("the upside-down page is filed upright")
                    .isLessThan(PdfPageImages.meanDifference(images.get(1), PdfPageImages.upsideDown(upright)) / 3);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                assertThat(doc.getNumberOfPages()).isEqualTo(2);
                assertThat(doc.getPage(0).getMediaBox().getWidth()).as("at the page's 150 dpi").isEqualTo(600 * 72f / 150);
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmp).contains(SamplePatientData.ALICE.nhsNumber()).contains("QUIXFEATHER, Alice").contains("WARD-7")
                        .contains("clerk1").contains(b.id().toString());
            }
            assertThat(store.audit().events()).filteredOn(e -> e.type().equals("automatic-decision")).hasSize(7);
        }
    }

    @Test
    void pagesTheAnalysisMadeReadyAreTakenAsTheyAreButOnlyForTheCleanUpTheirDecisionStores() throws Exception {
        try (BatchStore store = BatchStore.open(tmp.resolve("store"), StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.PROCESS));
            List<BatchFiler.FiledPage> pages = sampleBatch(b);
            PdfaDocumentWriter writer = new PdfaDocumentWriter();
            BufferedImage black = new BufferedImage(600, 800, BufferedImage.TYPE_BYTE_GRAY);
            EncodedPage marker = writer.encode(new PdfPage(black, 150, false, new OcrText("Preparedmarker",
                    List.of(new OcrWord("Preparedmarker", 90, new Rectangle(50, 50, 300, 40))), 90)));
            PreparedPages prepared = new PreparedPages();
            prepared.put(pages.get(0).analysis().id(), List.of(), marker);
            // made with no turn, but its stored decision turns it over: built again from the store
            prepared.put(pages.get(1).analysis().id(), List.of(), marker);
            StoredDocumentPdf pdfs = new StoredDocumentPdf(new DocumentExporter(ocr, writer), index)
                    .withReadyPages((batch, stored, transforms) -> {
                        var id = pages.stream().filter(p -> p.storedPage() == stored).findFirst().orElseThrow().analysis().id();
                        return prepared.take(id, transforms);
                    });
            new BatchFiler(pdfs, store.audit()).file(b, pages, null);

            byte[] pdf = b.readPdf(0);
            List<BufferedImage> images = PdfPageImages.of(pdf);
            assertThat(PdfPageImages.meanDifference(images.get(0), black)).as("the page as the analysis made it").isLessThan(1);
            BufferedImage upright = SamplePatientData.page(SamplePatientData.ALICE, "0002.png".hashCode());
            assertThat(PdfPageImages.meanDifference(images.get(1), upright))
                    .as("the page made with another clean-up is built again, upright")
                    .isLessThan(PdfPageImages.meanDifference(images.get(1), PdfPageImages.upsideDown(upright)) / 3);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                PDFTextStripper text = new PDFTextStripper();
                text.setStartPage(1);
                text.setEndPage(1);
                assertThat(text.getText(doc)).contains("Preparedmarker");
                text.setStartPage(2);
                text.setEndPage(2);
                assertThat(text.getText(doc)).doesNotContain("Preparedmarker").contains("QUIXFEATHER");
            }
            assertThat(prepared.waiting()).isZero();
        }
    }

    @Test
    void aFilingStoppedAfterItsDecisionsIsFinishedOnceAndAnEarlierOneIsKeptForReviewByProcess() throws Exception {
        Path storeDir = tmp.resolve("store");
        String committed;
        String uncommitted;
        String stationOpen;
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            StoredBatch b = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.PROCESS));
            List<BatchFiler.FiledPage> pages = new ArrayList<>(sampleBatch(b));
            pages.set(4, page(b, "0005b.png", SamplePatientData.BOB, PageStatus.MATCHED, 1, 0));
            pages.remove(5);
            pages.remove(5);
            FilingPlan plan = BatchFiler.plan(pages);
            plan.storeIn(b); // the commit point, then a crash: nothing defined, nothing exported
            b.defineDocument(0, SamplePatientData.ALICE.nhsNumber(), "Scanned health record", List.of(1, 2));
            committed = b.id().toString();
            StoredBatch early = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.PROCESS));
            early.addPage(SamplePatientData.png(SamplePatientData.ALICE, 9), "image/png", "0001.png");
            early.addPage(SamplePatientData.png(SamplePatientData.BOB, 10), "image/png", "0002.png");
            uncommitted = early.id().toString();
            StoredBatch open = store.createBatch(new BatchInfo("clerk1", "WARD-7", null, BatchInfo.STATION));
            open.addPage(SamplePatientData.png(SamplePatientData.ALICE, 9), "image/png", "0001.png");
            stationOpen = open.id().toString();
        }
        try (BatchStore store = BatchStore.open(storeDir, StoreFixture.keyIn(tmp))) {
            InterruptedFiling interrupted = new InterruptedFiling(store, filer(store));
            InterruptedFiling.Outcome outcome = interrupted.finishAll();
            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.finished()).singleElement().satisfies(r -> {
                assertThat(r.batchId().toString()).isEqualTo(committed);
                assertThat(r.queued()).isEqualTo(2);
            });
            assertThat(interrupted.finishAll().finished()).as("finishing again does nothing").isEmpty();
            interrupted.keepUnfiledProcessBatchesForReview();
            assertThat(store.batches()).extracting(b -> b.id().toString())
                    .containsExactlyInAnyOrder(committed, uncommitted, stationOpen);
            assertThat(interrupted.unfiled(BatchInfo.STATION)).extracting(b -> b.id().toString()).containsExactly(stationOpen);
            StoredBatch done = store.batch(committed);
            assertThat(done.documents()).extracting(d -> d.state()).containsExactly(DocumentState.QUEUED, DocumentState.QUEUED);
            assertThat(store.verifyAll()).isEmpty();
            assertThatThrownBy(() -> done.queue(0)).as("never queued twice").isInstanceOf(IllegalStateException.class);
            StoredBatch kept = store.batch(uncommitted);
            assertThat(kept.isSealed()).isTrue();
            assertThat(kept.documents()).singleElement().satisfies(d -> {
                assertThat(d.state()).isEqualTo(DocumentState.HELD);
                assertThat(d.pages()).containsExactly(1, 2);
                assertThat(d.nhsNumber()).as("a person decides who it belongs to").isNull();
            });
            assertThat(kept.readPage(2)).isEqualTo(SamplePatientData.png(SamplePatientData.BOB, 10));
            assertThat(store.notices()).singleElement().asString()
                    .contains("batch " + uncommitted, "2 page(s) are kept and held for review");
            assertThat(store.audit().events()).anySatisfy(e -> assertThat(e.type()).isEqualTo("batch-interrupted"));
        }
    }
}
