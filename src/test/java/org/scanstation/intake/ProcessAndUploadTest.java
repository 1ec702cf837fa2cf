package org.scanstation.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.intake.Public01EndToEndTest.Run;
import org.scanstation.store.BatchInfo;
import org.scanstation.image.Transform;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;
import org.scanstation.upload.cmis.testing.CmisInspector;
import org.scanstation.upload.cmis.testing.InMemoryCmisServer;

/**
 * {@code process} over a few public-01 pages (two single-page JPEGs of one patient, a separator, and
 * a two-page TIFF of another patient: a CCITT G4 page and a grey page), then {@code upload},
 * {@code queue} and {@code audit} against the real OpenCMIS InMemory server. The store already holds a
 * batch an earlier run analysed but died before exporting: {@code process} completes it first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessAndUploadTest {

    private static final Path BATCH = Path.of("../shared/corpus/public-01/batch");
    private static final Path PATIENTS = Path.of("../shared/corpus/public-01/patients.csv");
    private static final String FIRST = "9996018407";
    private static final String SECOND = "9991518150";
    /** The patient of the batch an earlier run left half done (0044.jpg). */
    private static final String EARLIER = "9996036316";

    private final InMemoryCmisServer server = InMemoryCmisServer.shared();

    @TempDir
    static Path tmp;

    private Path storeDir;
    private Path key;
    private Path multiPage;
    private Run process;
    private String interruptedBatch;

    @BeforeAll
    void processFivePages() throws Exception {
        storeDir = tmp.resolve("store");
        key = tmp.resolve("store.key");
        multiPage = tmp.resolve("in/second-patient.tif");
        Files.createDirectories(multiPage.getParent());
        writeTwoPageTiff(multiPage, ImageIO.read(BATCH.resolve("0015.tif").toFile()),
                ImageIO.read(BATCH.resolve("0016.jpg").toFile()));
        // an earlier run stored a page and its decisions (the filing's commit point), then died before exporting
        try (BatchStore store = open()) {
            StoredBatch dying = store.createBatch(new BatchInfo("op-earlier", "WARD-TEST", Map.of(), BatchInfo.PROCESS));
            int stored = dying.addPage(Files.readAllBytes(BATCH.resolve("0044.jpg")), "image/jpeg", "0044.jpg", 300);
            Patient earlier = CsvPatientIndex.load(PATIENTS).byNhsNumber(EARLIER).orElseThrow();
            PageAnalysis page = new PageAnalysis(0, PageId.single(BATCH.resolve("0044.jpg")), PageStatus.MATCHED,
                    earlier, 0.99, 0, 0.5, 0, List.of(), List.of(), List.of(new Transform.Deskew(0.5)),
                    List.of("barcode"));
            BatchFiler.plan(List.of(new BatchFiler.FiledPage(stored, page, 0))).storeIn(dying);
            interruptedBatch = dying.id().toString();
        }
        process = Public01EndToEndTest.cli("process", "--patients", PATIENTS.toString(), "--store", storeDir.toString(),
                "--key", key.toString(), "--operator", "op-test", "--station-id", "WARD-TEST",
                BATCH.resolve("0007.jpg").toString(), BATCH.resolve("0008.jpg").toString(),
                BATCH.resolve("0009.jpg").toString(), multiPage.toString());
    }

    @Test
    @Order(1)
    void processQueuesOneDocumentPerPatientAndPrintsTheBatchWithoutPatientData() throws Exception {
        assertThat(process.exit()).as(process.err()).isZero();
        assertThat(process.out()).contains("5 pages, 2 documents queued for upload, 0 held for review");
        assertThat(process.out()).contains("Completed batch " + interruptedBatch + " left by an interrupted run: "
                + "1 pages, 1 documents queued for upload");
        assertThat(process.out()).doesNotContain(FIRST).doesNotContain(SECOND).doesNotContain("Aisha");
        try (BatchStore store = open()) {
            StoredBatch batch = store.batch(process.lastLine());
            Map<String, DocumentState> docs = new TreeMap<>();
            for (StoredDocument d : batch.documents()) {
                docs.put(d.nhsNumber(), d.state());
            }
            assertThat(docs).containsOnlyKeys(FIRST, SECOND);
        }
    }

    @Test
    @Order(2)
    void singlePageFilesAreStoredAsTheOriginalBytesAndMultiPagePagesLosslessly() throws Exception {
        try (BatchStore store = open()) {
            StoredBatch batch = store.batch(process.lastLine());
            List<StoredPage> pages = batch.pages();
            assertThat(pages).extracting(StoredPage::mediaType)
                    .containsExactly("image/jpeg", "image/jpeg", "image/jpeg", "image/tiff", "image/png");
            assertThat(batch.readPage(1)).isEqualTo(Files.readAllBytes(BATCH.resolve("0007.jpg")));
            assertThat(batch.readPage(3)).isEqualTo(Files.readAllBytes(BATCH.resolve("0009.jpg")));
            assertSamePixels(StoredImageCodec.decode(batch.readPage(4), "image/tiff"),
                    ImageIO.read(BATCH.resolve("0015.tif").toFile()));
            assertSamePixels(StoredImageCodec.decode(batch.readPage(5), "image/png"),
                    ImageIO.read(BATCH.resolve("0016.jpg").toFile()));
        }
    }

    @Test
    @Order(3)
    void pdfsAreSearchablePdfaWithThePatientBatchStationAndOperator() throws Exception {
        try (BatchStore store = open()) {
            StoredBatch batch = store.batch(process.lastLine());
            for (StoredDocument d : batch.documents()) {
                byte[] bytes = batch.readPdf(d.index());
                assertThat(pdfA2bFailures(bytes)).as("PDF/A-2b rules failed").isEmpty();
                try (PDDocument pdf = Loader.loadPDF(bytes)) {
                    assertThat(pdf.getNumberOfPages()).isEqualTo(2);
                    // A4 at the scan's 300 dpi (wider when deskewing turned the page; at a wrong 72 dpi it would be 2480)
                    pdf.getPages().forEach(p -> assertThat(p.getMediaBox().getWidth()).isBetween(594f, 720f));
                    PDDocumentInformation info = pdf.getDocumentInformation();
                    String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                    assertThat(xmp).contains(d.nhsNumber()).contains("WARD-TEST").contains("op-test")
                            .contains(batch.id().toString()).contains("pdfaid:part");
                    assertThat(info.getTitle()).contains(batch.id().toString());
                    String text = new PDFTextStripper().getText(pdf);
                    assertThat(text.replaceAll("\\s", "")).as("text layer").hasSizeGreaterThan(200);
                }
            }
            StoredDocument first = batch.documents().stream().filter(d -> d.nhsNumber().equals(FIRST)).findFirst()
                    .orElseThrow();
            try (PDDocument pdf = Loader.loadPDF(batch.readPdf(first.index()))) {
                String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertThat(xmp).as("name and hospital number from the index").contains("Aisha").contains("T0421871");
            }
        }
    }

    @Test
    @Order(6)
    void uploadFilesEachDocumentOnceInItsPatientsFolderAndQueueAndAuditShowIt() throws Exception {
        String root = "P-" + UUID.randomUUID();
        Map<String, byte[]> pdfs = new TreeMap<>();
        try (BatchStore store = open()) {
            for (StoredBatch batch : store.batches()) {
                for (StoredDocument d : batch.documents()) {
                    pdfs.put(d.nhsNumber(), batch.readPdf(d.index()));
                }
            }
        }
        assertThat(pdfs).containsOnlyKeys(FIRST, SECOND, EARLIER);
        String[] tls = {"upload", "--store", storeDir.toString(), "--key", key.toString(),
                "--cmis", server.httpsBrowserUrl(), "--user", "dummyuser", "--folder-root", "/" + root};
        Run untrusted = Public01EndToEndTest.cli(tls);
        assertThat(untrusted.exit()).as("certificate not trusted: " + untrusted.err()).isEqualTo(8);
        assertThat(untrusted.err().strip()).doesNotContain("\tat ");

        // over HTTPS with the EDMS's certificate in a trust store, its password from the environment (child JVM)
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), org.scanstation.Launcher.class.getName()));
        command.addAll(List.of(tls));
        command.addAll(List.of("--trust-store", server.trustStore().toString(),
                "--trust-store-password-env", "EDMS_TRUST_PASSWORD"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("EDMS_TRUST_PASSWORD", "changeit");
        Process child = pb.start();
        String firstOut = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as(firstOut).isZero();
        assertThat(firstOut).contains("3 created").contains("3 verified");

        String[] upload = {"upload", "--store", storeDir.toString(), "--key", key.toString(),
                "--cmis", server.browserUrl(), "--user", "dummyuser", "--folder-root", "/" + root};
        Run again = Public01EndToEndTest.cli(upload);
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("0 created");

        CmisInspector edms = new CmisInspector(server.browserUrl());
        List<String> objectIds = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : pdfs.entrySet()) {
            List<CmisInspector.Entry> docs = edms.documents(List.of(root, e.getKey()));
            assertThat(docs).hasSize(1);
            assertThat(edms.content(docs.get(0).objectId())).isEqualTo(e.getValue());
            objectIds.add(docs.get(0).objectId());
        }

        Run queue = Public01EndToEndTest.cli("queue", "--store", storeDir.toString(), "--key", key.toString(), "--json");
        assertThat(queue.exit()).isZero();
        JsonNode report = new ObjectMapper().readTree(queue.out());
        List<String> states = new ArrayList<>();
        report.findValues("documents").forEach(ds -> ds.forEach(d -> states.add(d.path("state").asText())));
        assertThat(states).containsExactly("purged", "purged", "purged");
        assertThat(queue.out()).doesNotContain(FIRST).doesNotContain(SECOND);
        Run text = Public01EndToEndTest.cli("queue", "--store", storeDir.toString(), "--key", key.toString());
        assertThat(text.out()).contains(process.lastLine());

        Path auditFile = tmp.resolve("audit.json");
        Run audit = Public01EndToEndTest.cli("audit", "--store", storeDir.toString(), "--key", key.toString(),
                "--out", auditFile.toString());
        assertThat(audit.exit()).as(audit.err()).isZero();
        String json = Files.readString(auditFile);
        assertThat(new ObjectMapper().readTree(json).path("events").size()).isGreaterThan(10);
        assertThat(json).contains("op-test").contains("WARD-TEST");
        objectIds.forEach(id -> assertThat(json).contains(id));
        assertThat(Files.getPosixFilePermissions(auditFile)).containsOnly(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
    }

    @Test
    @Order(4)
    void theStoreHoldsNoPlaintextImagePdfOrPatientData() throws Exception {
        List<byte[]> needles = new ArrayList<>(StoreContents.patientNeedles(PATIENTS));
        needles.addAll(StoreContents.headsOf(List.of(Files.readAllBytes(BATCH.resolve("0007.jpg")),
                Files.readAllBytes(BATCH.resolve("0008.jpg")), Files.readAllBytes(BATCH.resolve("0044.jpg")),
                Files.readAllBytes(multiPage))));
        assertThat(StoreContents.findings(storeDir, needles)).isEmpty();
    }

    @Test
    @Order(5)
    void commandErrorsAreOneLineWithoutStackTraces() throws Exception {
        Run noStore = Public01EndToEndTest.cli("upload", "--store", tmp.resolve("nowhere").toString(),
                "--key", key.toString(), "--cmis", server.browserUrl());
        assertThat(noStore.exit()).isEqualTo(3);
        assertThat(noStore.err().strip()).startsWith("scanstation: no batch store at").doesNotContain("\n");

        Path otherKey = tmp.resolve("other.key");
        new KeyFileProvider(otherKey).key();
        Run wrongKey = Public01EndToEndTest.cli("queue", "--store", storeDir.toString(), "--key", otherKey.toString());
        assertThat(wrongKey.exit()).isEqualTo(9);
        assertThat(wrongKey.err().strip()).startsWith("scanstation: ").doesNotContain("\n").doesNotContain("Exception");

        Run badUrl = Public01EndToEndTest.cli("upload", "--store", storeDir.toString(), "--key", key.toString(),
                "--cmis", "ftp://edms");
        assertThat(badUrl.exit()).isEqualTo(2);

        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Run unreachable = Public01EndToEndTest.cli("upload", "--store", storeDir.toString(), "--key", key.toString(),
                "--cmis", "http://127.0.0.1:" + closedPort + "/cmis/browser", "--attempts", "1");
        assertThat(unreachable.exit()).as(unreachable.out() + unreachable.err()).isEqualTo(7);
        assertThat(unreachable.out()).contains("edms unavailable");

        Run noPatients = Public01EndToEndTest.cli("process", "--patients", tmp.resolve("none.csv").toString(),
                "--store", storeDir.toString(), "--key", key.toString(), BATCH.resolve("0007.jpg").toString());
        assertThat(noPatients.exit()).isEqualTo(4);
        assertThat(noPatients.err().strip()).doesNotContain("\n");
    }

    /** The PDF/A-2b rules veraPDF finds broken, empty when the file complies. */
    static List<String> pdfA2bFailures(byte[] pdf) throws Exception {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        org.verapdf.pdfa.flavours.PDFAFlavour flavour = org.verapdf.pdfa.flavours.PDFAFlavour.fromString("2b");
        try (org.verapdf.pdfa.PDFAParser parser = org.verapdf.pdfa.Foundries.defaultInstance()
                .createParser(new java.io.ByteArrayInputStream(pdf), flavour);
             org.verapdf.pdfa.PDFAValidator validator = org.verapdf.pdfa.Foundries.defaultInstance()
                     .createValidator(flavour, false)) {
            return validator.validate(parser).getTestAssertions().stream()
                    .filter(a -> a.getStatus() == org.verapdf.pdfa.results.TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
        }
    }

    private BatchStore open() throws IOException {
        return BatchStore.open(storeDir, new KeyFileProvider(key));
    }

    static void assertSamePixels(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int[] ra = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] rb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertThat(Arrays.equals(ra, rb)).as("same pixels").isTrue();
    }

    /** A two-page TIFF: page 1 CCITT G4 (bilevel), page 2 grey, Deflate. */
    static void writeTwoPageTiff(Path file, BufferedImage bilevel, BufferedImage grey) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("tiff").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            w.prepareWriteSequence(null);
            ImageWriteParam g4 = w.getDefaultWriteParam();
            g4.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            g4.setCompressionType("CCITT T.6");
            w.writeToSequence(new IIOImage(bilevel, null, null), g4);
            ImageWriteParam deflate = w.getDefaultWriteParam();
            deflate.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            deflate.setCompressionType("Deflate");
            w.writeToSequence(new IIOImage(grey, null, null), deflate);
            w.endWriteSequence();
        } finally {
            w.dispose();
        }
    }
}
