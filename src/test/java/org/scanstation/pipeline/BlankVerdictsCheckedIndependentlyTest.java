package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.image.InputFiles;
import org.scanstation.image.InputFixtures;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;

/**
 * Every page the analysis calls blank, looked at again without the station's code: rendered by poppler
 * ({@code pdftoppm}) or decoded by ImageMagick ({@link IndependentInk}). A blank page with visible ink
 * would be a page of a record left out of it; this fails on any. Runs over both shared corpora, the peer
 * project's separator-sheet files and every kind of input fixture.
 */
class BlankVerdictsCheckedIndependentlyTest {

    static final Path SHARED = Path.of("../shared/corpus");

    @TempDir
    static Path work;

    static AnalysisEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = AnalysisEngine.create(AnalysisSettings.defaults(),
                CsvPatientIndex.load(SHARED.resolve("public-01/patients.csv")));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** A page the analysis called blank: where to find it. */
    record Blank(Path file, int page, String name) {
    }

    private static List<Blank> blanksOf(List<Path> inputs) throws Exception {
        List<Blank> blanks = new ArrayList<>();
        engine.analyse(InputFiles.expand(inputs).files(), p -> {
            if (p.status() == PageStatus.BLANK) {
                blanks.add(new Blank(p.id().file(), p.id().pageNumber(), p.id().name()));
            }
        });
        return blanks;
    }

    private static void assertNoInk(List<Blank> blanks) throws Exception {
        List<String> inked = new ArrayList<>();
        for (Blank b : blanks) {
            IndependentInk.Seen seen = IndependentInk.of(b.file(), b.page(), work);
            if (seen.ink()) {
                inked.add(b.name() + ": " + seen);
            }
        }
        assertThat(inked).as("pages called blank that show ink").isEmpty();
    }

    @Test
    void publicCorpus01() throws Exception {
        Path corpus = SHARED.resolve("public-01");
        CorpusScorer.Result r = CorpusScorer.analyseAndScore(corpus, Files.createDirectories(work.resolve("p1")));
        List<Blank> blanks = new ArrayList<>();
        for (JsonNode p : r.analysis().get("pages")) {
            if ("blank".equals(p.get("status").asText())) {
                String source = p.get("source").asText();
                blanks.add(new Blank(corpus.resolve("batch").resolve(source), 1, source));
            }
        }
        assertThat(blanks).hasSizeGreaterThanOrEqualTo(3);
        assertNoInk(blanks);
    }

    @Test
    void publicCorpus02() throws Exception {
        try (AnalysisEngine own = AnalysisEngine.create(AnalysisSettings.defaults(),
                CsvPatientIndex.load(SHARED.resolve("public-02/patients.csv")))) {
            List<Blank> blanks = new ArrayList<>();
            own.analyse(InputFiles.expand(List.of(SHARED.resolve("public-02/batch"))).files(), p -> {
                if (p.status() == PageStatus.BLANK) {
                    blanks.add(new Blank(p.id().file(), p.id().pageNumber(), p.id().name()));
                }
            });
            assertThat(blanks).hasSizeGreaterThanOrEqualTo(5);
            assertNoInk(blanks);
        }
    }

    @Test
    void peerSeparatorSheetFiles() throws Exception {
        assertNoInk(blanksOf(List.of(SHARED.resolve("peer-paperless-barcodes/files"))));
    }

    @Test
    void everyInputFixture() throws Exception {
        Path dir = Files.createDirectories(work.resolve("fixtures"));
        BufferedImage page = InputFixtures.page(150, 7);
        BufferedImage white = InputFixtures.page(150, 7);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, white.getWidth(), white.getHeight());
        g.dispose();
        String src = InputFixtures.png(dir, "src.png", page).getFileName().toString();
        List<Path> inputs = new ArrayList<>();
        inputs.add(InputFixtures.jbig2Pdf(dir, "jbig2.pdf", page));
        inputs.add(InputFixtures.damagedJbig2Pdf(dir, "jbig2-damaged.pdf", page));
        inputs.add(InputFixtures.jbig2Pdf(dir, "jbig2-white.pdf", white));
        inputs.add(InputFixtures.img2pdf(dir, "jpx.pdf", InputFixtures.jp2(dir, "jpx.jp2", page)));
        inputs.add(InputFixtures.cmykJpegByGhostscript(dir, "cmyk.jpg"));
        inputs.add(InputFixtures.magick(dir, "ycck.jpg", src, "-colorspace", "CMYK"));
        inputs.add(InputFixtures.magick(dir, "grey16.png", src, "-depth", "16", "-define", "png:color-type=0"));
        inputs.add(InputFixtures.magick(dir, "grey16.tif", src, "-depth", "16", "-compress", "LZW"));
        inputs.add(InputFixtures.magick(dir, "PNG8:palette.png", src, "-colors", "16"));
        inputs.add(InputFixtures.magick(dir, "PNG32:alpha.png", src, "-transparent", "white"));
        inputs.add(InputFixtures.magick(dir, "BMP3:page.bmp", src));
        inputs.add(InputFixtures.magick(dir, "page.gif", src));
        inputs.add(InputFixtures.magick(dir, "page.pgm", src));
        inputs.add(InputFixtures.tiff(dir, "g3.tif", "Fax", page, white));
        inputs.add(InputFixtures.tiff(dir, "g4.tif", "Group4", white, page));
        inputs.add(InputFixtures.selfDrawingFormPdf(dir, "self-drawing.pdf"));
        inputs.add(InputFixtures.selfLoopingTiff(dir, "loop.tif"));
        Path empty = dir.resolve("white.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage(PDRectangle.A4));
            doc.save(empty.toFile());
        }
        inputs.add(empty);
        List<Blank> blanks = blanksOf(inputs);
        // the white pages are blank; the damaged and looping ones are not called blank: they did not render cleanly
        assertThat(blanks).extracting(Blank::name).contains("jbig2-white.pdf", "white.pdf")
                .doesNotContain("jbig2-damaged.pdf", "self-drawing.pdf", "jbig2.pdf", "jpx.pdf");
        assertNoInk(blanks);
    }

    @Test
    void theIndependentCheckSeesInk() throws Exception {
        // what makes the tests above able to fail: the check finds ink on every page of text and on no blank
        JsonNode truth = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(SHARED.resolve("public-02/truth.json").toFile()).get("pages");
        java.util.Set<String> content = java.util.Set.of("0025.tif", "0039.tif", "0045.tif", "0018.jpg", "0021.jpg",
                "0037.jpg", "0048.jpg");
        for (JsonNode t : truth) {
            Path file = SHARED.resolve("public-02/batch").resolve(t.get("source").asText());
            String kind = t.get("kind").asText();
            // every blank, and the pages of text with the least ink (faint black-and-white letters among them)
            if (kind.equals("blank") || content.contains(t.get("source").asText())) {
                assertThat(IndependentInk.of(file, 1, work).ink()).as(t.get("source").asText())
                        .isEqualTo(kind.equals("page"));
            }
        }
        Path dir = Files.createDirectories(work.resolve("ink"));
        Path pdf = InputFixtures.jbig2Pdf(dir, "ink.pdf", InputFixtures.page(150, 1));
        assertThat(IndependentInk.of(pdf, 1, work).ink()).isTrue();
    }
}
