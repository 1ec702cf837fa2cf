package org.scanstation.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.cli.ScanStationCli;
import org.scanstation.image.ImageOps;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.pdf.PdfaValidation;
import picocli.CommandLine;

/**
 * {@code export} over part of the public-01 corpus (two auto-filed documents, one for review, pages
 * upside down, bilevel TIFFs, separators), through the command line as a user runs it.
 */
class ExportCorpusTest {

    static final Path CORPUS = Path.of("../shared/corpus/public-01");
    static final List<String> SUBSET = List.of("0007.jpg", "0008.jpg", "0009.jpg", "0010.png", "0011.tif",
            "0033.jpg", "0034.jpg", "0035.tif");

    @TempDir
    static Path work;

    static Path out;
    static int exit;
    static String stdout;
    static String stderr;
    static JsonNode manifest;
    static JsonNode reviewManifest;
    static Map<String, JsonNode> truth = new HashMap<>();

    @BeforeAll
    static void exportPartOfTheCorpus() throws Exception {
        for (JsonNode page : new ObjectMapper().readTree(CORPUS.resolve("truth.json").toFile()).get("pages")) {
            truth.put(page.get("source").asText(), page);
        }
        out = work.resolve("export");
        List<String> args = new ArrayList<>(List.of("export", "--patients", CORPUS.resolve("patients.csv").toString(),
                "--out", out.toString(), "--station-id", "WARD-7-SCAN", "--operator", "A Clerk", "--batch-id", "B42"));
        SUBSET.forEach(f -> args.add(CORPUS.resolve("batch").resolve(f).toString()));
        CommandLine cli = ScanStationCli.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cli.setOut(new PrintWriter(o));
        cli.setErr(new PrintWriter(e));
        exit = cli.execute(args.toArray(String[]::new));
        stdout = o.toString();
        stderr = e.toString();
        ObjectMapper json = new ObjectMapper();
        manifest = json.readTree(out.resolve("manifest.json").toFile());
        reviewManifest = json.readTree(out.resolve("review/manifest.json").toFile());
    }

    @Test
    void commandSucceedsAndSaysWhatItWrote() {
        assertThat(stderr).isEmpty();
        assertThat(exit).isZero();
        assertThat(stdout).contains("2 documents filed to", "1 for review in");
        assertThat(manifest.get("complete").asBoolean()).isTrue();
        assertThat(manifest.get("batchId").asText()).isEqualTo("B42");
        assertThat(manifest.get("stationId").asText()).isEqualTo("WARD-7-SCAN");
        assertThat(manifest.get("operator").asText()).isEqualTo("A Clerk");
        assertThat(manifest.get("created").asText()).isNotBlank();
    }

    @Test
    void everyExportedFileIsPdfA2b() throws Exception {
        List<Path> pdfs = allPdfs();
        assertThat(pdfs).hasSize(3);
        for (Path pdf : pdfs) {
            PdfaValidation.assertPdfA2b(pdf);
        }
    }

    @Test
    void autoFiledDocumentsGoToTheirPatientsAndReviewDocumentsOnlyToReview() {
        assertThat(sources(manifest)).containsExactly(List.of("0007.jpg", "0008.jpg"), List.of("0010.png", "0011.tif"));
        for (JsonNode doc : manifest.get("documents")) {
            assertThat(doc.get("status").asText()).isEqualTo("matched");
            String nhs = doc.get("patient").get("nhsNumber").asText();
            doc.get("sources").forEach(s -> assertThat(truth.get(s.asText()).get("nhs_number").asText()).isEqualTo(nhs));
            assertThat(doc.get("patient").get("mrn").asText()).isNotBlank();
            assertThat(doc.get("patient").get("name").asText()).contains(",");
        }
        assertThat(sources(reviewManifest)).containsExactly(List.of("0034.jpg"));
        assertThat(reviewManifest.get("documents").get(0).get("status").asText()).isEqualTo("review");
        assertThat(fileNames(manifest)).allSatisfy(f -> assertThat(out.resolve(f)).isRegularFile()
                .satisfies(p -> assertThat(out.resolve("review").resolve(f)).doesNotExist()));
        assertThat(fileNames(reviewManifest)).allSatisfy(f -> assertThat(out.resolve("review").resolve(f)).isRegularFile()
                .satisfies(p -> assertThat(out.resolve(f)).doesNotExist()));
    }

    @Test
    void manifestChecksumsSizesAndPageCountsMatchTheFiles() throws Exception {
        for (JsonNode m : List.of(manifest, reviewManifest)) {
            Path folder = m == manifest ? out : out.resolve("review");
            for (JsonNode doc : m.get("documents")) {
                Path pdf = folder.resolve(doc.get("file").asText());
                byte[] bytes = Files.readAllBytes(pdf);
                assertThat(doc.get("bytes").asLong()).isEqualTo(bytes.length);
                assertThat(doc.get("sha256").asText())
                        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
                try (PDDocument pd = Loader.loadPDF(bytes)) {
                    assertThat(pd.getNumberOfPages()).isEqualTo(doc.get("pageCount").asInt())
                            .isEqualTo(doc.get("sources").size());
                }
            }
        }
    }

    @Test
    void fileNamesCarryNoPatientIdentifiers() throws IOException {
        for (Path pdf : allPdfs()) {
            String name = pdf.getFileName().toString();
            assertThat(name).matches("B42-doc\\d{3}\\.pdf");
        }
    }

    @Test
    void textExtractionFindsTheNhsNumberWhereTheFirstPagePrintsIt() throws Exception {
        int checked = 0;
        for (JsonNode doc : manifest.get("documents")) {
            JsonNode first = truth.get(doc.get("sources").get(0).asText());
            if (!first.get("prints_ids").asBoolean()) {
                continue;
            }
            try (PDDocument pd = Loader.loadPDF(out.resolve(doc.get("file").asText()).toFile())) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(1);
                stripper.setEndPage(1);
                String text = stripper.getText(pd).replaceAll("\\s", "");
                assertThat(text).contains(first.get("nhs_number").asText());
            }
            checked++;
        }
        assertThat(checked).as("documents whose first page prints the NHS number (one of them upside down)").isEqualTo(2);
    }

    @Test
    void upsideDownPagesComeOutUpright() throws Exception {
        for (String source : List.of("0007.jpg", "0011.tif")) {
            assertThat(truth.get(source).get("rotation").asInt()).isEqualTo(180);
            BufferedImage rendered = renderedPage(source);
            BufferedImage raw = rawImage(source);
            double asScanned = difference(rendered, raw);
            double turned = difference(rendered, ImageOps.rotateQuadrant(raw, 180));
            assertThat(turned).as(source + ": the PDF page looks like the scan turned upright").isLessThan(asScanned * 0.8);
        }
    }

    @Test
    void bilevelPagesStayBilevelAndGreyPagesAreJpeg() throws Exception {
        assertThat(pageImage("0011.tif").getCOSObject().getFilters()).isEqualTo(COSName.CCITTFAX_DECODE);
        assertThat(pageImage("0011.tif").getBitsPerComponent()).isEqualTo(1);
        assertThat(pageImage("0010.png").getCOSObject().getFilters()).isEqualTo(COSName.DCT_DECODE);
    }

    private static List<List<String>> sources(JsonNode m) {
        List<List<String>> all = new ArrayList<>();
        for (JsonNode doc : m.get("documents")) {
            List<String> s = new ArrayList<>();
            doc.get("sources").forEach(n -> s.add(n.asText()));
            all.add(s);
        }
        return all;
    }

    private static List<String> fileNames(JsonNode m) {
        List<String> names = new ArrayList<>();
        m.get("documents").forEach(d -> names.add(d.get("file").asText()));
        return names;
    }

    private static List<Path> allPdfs() throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }

    /** The PDF page made from {@code source}, found through the manifest. */
    private static <T> T withPage(String source, PageFunction<T> f) throws Exception {
        for (JsonNode doc : manifest.get("documents")) {
            List<String> s = new ArrayList<>();
            doc.get("sources").forEach(n -> s.add(n.asText()));
            if (s.contains(source)) {
                try (PDDocument pd = Loader.loadPDF(out.resolve(doc.get("file").asText()).toFile())) {
                    return f.apply(pd, s.indexOf(source));
                }
            }
        }
        throw new AssertionError(source + " is in no auto-filed document");
    }

    @FunctionalInterface
    private interface PageFunction<T> {
        T apply(PDDocument doc, int pageIndex) throws Exception;
    }

    private static BufferedImage renderedPage(String source) throws Exception {
        return withPage(source, (doc, i) -> new PDFRenderer(doc).renderImageWithDPI(i, 30, ImageType.GRAY));
    }

    private static PDImageXObject pageImage(String source) throws Exception {
        return withPage(source, (doc, i) -> {
            PDPage page = doc.getPage(i);
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject img) {
                    img.getCOSObject().getFilters(); // read while the document is open
                    img.getBitsPerComponent();
                    return img;
                }
            }
            throw new AssertionError("no image on the page of " + source);
        });
    }

    private static BufferedImage rawImage(String source) throws Exception {
        List<BufferedImage> found = new ArrayList<>();
        new PageLoader().load(CORPUS.resolve("batch").resolve(source), r -> {
            if (r instanceof PageLoadResult.Loaded l) {
                found.add(l.page().image());
            }
        });
        return found.get(0);
    }

    /** Mean absolute grey difference after scaling {@code b} to {@code a}'s size. */
    private static double difference(BufferedImage a, BufferedImage b) {
        BufferedImage scaled = new BufferedImage(a.getWidth(), a.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        var g = scaled.createGraphics();
        g.drawImage(b.getScaledInstance(a.getWidth(), a.getHeight(), Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs((a.getRGB(x, y) & 0xff) - (scaled.getRGB(x, y) & 0xff));
            }
        }
        return (double) sum / (a.getWidth() * a.getHeight());
    }
}
