package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.pdf.PdfaValidation;
import org.scanstation.intake.ProcessResult;
import org.scanstation.intake.ProcessService;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;

/**
 * The same pages filed through the station facade (scanned from a folder) and through {@code process}
 * give the same PDFs: the same page images (CCITT G4 for the bilevel page, JPEG for grey), the same
 * text layer and the same metadata, batch ids and dates aside; each one valid PDF/A-2b.
 */
class StationProcessParityTest {

    @TempDir
    Path dir;

    @Test
    void theSamePagesFiledThroughTheStationAndThroughProcessGiveTheSamePdfs() throws Exception {
        Path pages = CorpusPages.into(dir);
        List<Path> files = CorpusPages.PAGES.stream().map(pages::resolve).toList();
        Path patients = CorpusPages.PATIENTS;
        StationConfig config = StationFixture.config(dir.resolve("station"), null, patients);

        Station.Parts parts = StationFixture.parts(config, Runnable::run, Duration.ZERO);
        Map<Integer, byte[]> fromStation;
        try (Station station = new Station(parts)) {
            station.start();
            station.startScan("folder:" + pages, config.scanner().profiles().get(0), "chris");
            assertThat(station.openPages()).hasSize(CorpusPages.PAGES.size());
            station.fileBatch();
            fromStation = queuedPdfs(parts.store());
        }

        Path processStore = dir.resolve("process-store");
        Map<Integer, byte[]> fromProcess;
        try (BatchStore store = BatchStore.open(processStore, new KeyFileProvider(dir.resolve("process.key")))) {
            ProcessResult r = new ProcessService(AnalysisSettings.defaults(), CsvPatientIndex.load(patients))
                    .process(store, files, "chris", config.stationId(), null);
            assertThat(r.batch().queued()).isEqualTo(2);
            fromProcess = queuedPdfs(store);
        }

        assertThat(fromStation.keySet()).containsExactly(0, 1).isEqualTo(fromProcess.keySet());
        for (int doc : fromProcess.keySet()) {
            byte[] a = fromStation.get(doc);
            byte[] b = fromProcess.get(doc);
            assertThat(PdfaValidation.failures(a)).as("station PDF/A-2b").isEmpty();
            assertThat(PdfaValidation.failures(b)).as("process PDF/A-2b").isEmpty();
            try (PDDocument s = Loader.loadPDF(a); PDDocument p = Loader.loadPDF(b)) {
                assertThat(s.getNumberOfPages()).isEqualTo(p.getNumberOfPages()).isEqualTo(2);
                assertThat(pageImages(s)).as("page images of document " + doc).isEqualTo(pageImages(p));
                assertThat(new PDFTextStripper().getText(s)).as("text layer").isEqualTo(new PDFTextStripper().getText(p))
                        .hasSizeGreaterThan(200);
                assertThat(info(s)).as("metadata").isEqualTo(info(p));
                assertThat(info(s)).containsKeys("NHSNumber", "HospitalNumber", "PatientName", "StationId", "Operator",
                        "SourcePages");
                for (int i = 0; i < s.getNumberOfPages(); i++) {
                    assertThat(s.getPage(i).getMediaBox().toString()).isEqualTo(p.getPage(i).getMediaBox().toString());
                }
            }
        }
        try (PDDocument tiffDoc = Loader.loadPDF(fromStation.get(1))) {
            assertThat(pageImages(tiffDoc).get(0)).as("the bilevel page stays bilevel").contains("CCITTFaxDecode");
        }
    }

    /** The PDF of every queued document, by document index (there is one batch). */
    private static Map<Integer, byte[]> queuedPdfs(BatchStore store) throws IOException {
        Map<Integer, byte[]> out = new TreeMap<>();
        for (StoredBatch b : store.batches()) {
            for (StoredDocument d : b.documents()) {
                if (d.state() == DocumentState.QUEUED) {
                    out.put(d.index(), b.readPdf(d.index()));
                }
            }
        }
        return out;
    }

    /** Each page's image as its filter and encoded bytes (the same pixels encoded the same way are equal). */
    private static List<String> pageImages(PDDocument doc) throws IOException {
        List<String> out = new ArrayList<>();
        for (PDPage page : doc.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                PDXObject x = page.getResources().getXObject(name);
                if (x instanceof PDImageXObject img) {
                    byte[] encoded = img.getCOSObject().createRawInputStream().readAllBytes();
                    out.add(img.getCOSObject().getFilters() + " " + img.getWidth() + "x" + img.getHeight() + " "
                            + org.scanstation.store.Sha256.hex(encoded));
                }
            }
        }
        return out;
    }

    /** The Info dictionary without what differs by batch and time. */
    private static Map<String, String> info(PDDocument doc) {
        PDDocumentInformation info = doc.getDocumentInformation();
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(info.getMetadataKeys())) {
            if (Set.of("BatchId", "ScanDate", "CreationDate", "ModDate").contains(key)) {
                continue;
            }
            Object v = info.getCOSObject().getDictionaryObject(COSName.getPDFName(key));
            String text = info.getCustomMetadataValue(key) != null ? info.getCustomMetadataValue(key) : String.valueOf(v);
            out.put(key, text.replaceAll("[0-9a-f]{32}", "BATCH").replaceAll("\\d{4}-\\d{2}-\\d{2}", "DATE"));
        }
        return out;
    }
}
