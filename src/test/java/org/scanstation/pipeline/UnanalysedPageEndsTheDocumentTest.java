package org.scanstation.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.image.InputFiles;
import org.scanstation.image.InputFixtures;
import org.scanstation.image.PageLoader;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.model.PageStatus;

/**
 * The real analysis over a batch where a page cannot be analysed after a document auto-filed to its
 * patient: A(labelled) A A X B(unlabelled) B(unlabelled), for every kind of X (undecodable, over its
 * time limit, out of memory, not rendered cleanly, with and without a label showing). No page after X is
 * ever filed to A's patient: X and the unlabelled pages after it wait for review until a labelled page
 * starts a new document.
 */
class UnanalysedPageEndsTheDocumentTest {

    static final Path SAMPLES = Path.of("samples");

    @TempDir
    static Path dir;

    static List<PageAnalysis> out;
    static Map<String, PageAnalysis> bySource = new ConcurrentHashMap<>();

    /** X pages: name, and what its reasons say. */
    static final String[][] FAILED = {
        {"04-x-undecodable.jpg", "JPEG"},
        {"08-x-slow.pdf", "time limit"},
        {"12-x-memory.jpg", "OutOfMemoryError"},
        {"16-x-self-drawing.pdf", "did not render cleanly"},
        {"20-x-labelled-self-drawing.pdf", "did not render cleanly"},
    };

    @BeforeAll
    static void analyse() throws Exception {
        Path batch = Files.createDirectory(dir.resolve("batch"));
        copy("0004.jpg", batch, "01-a.jpg");
        copy("0005.jpg", batch, "02-a.jpg");
        copy("0007.jpg", batch, "03-a-unlabelled.jpg");
        byte[] labelledB = Files.readAllBytes(SAMPLES.resolve("batch/0010.jpg"));
        Files.write(batch.resolve(FAILED[0][0]), Arrays.copyOf(labelledB, labelledB.length / 3));
        unlabelled(batch, 5, 6);
        copy("0001.jpg", batch, "07-e.jpg");
        Files.move(InputFixtures.slowPdf(dir, "slow.pdf", 26), batch.resolve(FAILED[1][0]));
        unlabelled(batch, 9, 10);
        copy("0003.jpg", batch, "11-e.jpg");
        copy("0010.jpg", batch, FAILED[2][0]);
        unlabelled(batch, 13, 14);
        copy("0011.jpg", batch, "15-f.jpg");
        Files.move(InputFixtures.selfDrawingFormPdf(dir, "self.pdf"), batch.resolve(FAILED[3][0]));
        unlabelled(batch, 17, 18);
        copy("0004.jpg", batch, "19-a.jpg");
        labelledPageWithALoopingForm(batch.resolve(FAILED[4][0]));
        unlabelled(batch, 21, 22);
        copy("0011.jpg", batch, "23-f.jpg");
        unlabelled(batch, 24);

        AnalysisSettings settings = AnalysisSettings.defaults().withWorkers(2).withPageTimeLimit(Duration.ofSeconds(6));
        CsvPatientIndex index = CsvPatientIndex.load(SAMPLES.resolve("patients.csv"));
        out = new ArrayList<>();
        try (AnalysisEngine engine = AnalysisEngine.create(settings, index)) {
            PageAnalyzer real = engine.pageAnalyzer();
            // the heap running out on one page, as it did with a 909,000-patient index at -Xmx512m
            PageAnalyzer outOfMemoryOnX = page -> {
                if (page.id().name().equals(FAILED[2][0])) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return real.analyse(page);
            };
            PageLoader loader = engine.pageLoader();
            List<Path> files = InputFiles.expand(List.of(batch)).files();
            try (AnalysisPool pool = new AnalysisPool(2)) {
                new BatchAnalyzer(outOfMemoryOnX, pool).analyse(sink -> {
                    for (Path f : files) {
                        loader.load(f, sink);
                    }
                }, p -> {
                    out.add(p);
                    bySource.put(p.id().name(), p);
                });
            }
        }
    }

    private static void copy(String sample, Path batch, String as) throws Exception {
        Files.copy(SAMPLES.resolve("batch").resolve(sample), batch.resolve(as));
    }

    private static void unlabelled(Path batch, int... numbers) throws Exception {
        for (int n : numbers) {
            InputFixtures.png(batch, String.format("%02d-unlabelled.png", n), InputFixtures.page(150, n));
        }
    }

    /** Another patient's labelled page, with a form XObject that draws itself on top. */
    private static void labelledPageWithALoopingForm(Path file) throws Exception {
        Path loop = InputFixtures.selfDrawingFormPdf(dir, "loop-part.pdf");
        try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(loop.toFile())) {
            PDPage page = doc.getPage(0);
            PDImageXObject scan = PDImageXObject.createFromFile(SAMPLES.resolve("batch/0010.jpg").toString(), doc);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.PREPEND, false)) {
                cs.drawImage(scan, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            doc.save(file.toFile());
        }
    }

    private static PageAnalysis page(String name) {
        PageAnalysis p = bySource.get(name);
        assertThat(p).as(name).isNotNull();
        return p;
    }

    @Test
    void everyPageComesOutAsAPage() {
        assertThat(out).hasSize(24);
        assertThat(out).extracting(PageAnalysis::sequence).isSorted();
    }

    @Test
    void thePagesBeforeEachFailedPageAreFiledAndUnlabelledPagesNormallyFollowTheirDocument() {
        assertThat(page("01-a.jpg").status()).isEqualTo(PageStatus.MATCHED);
        assertThat(page("03-a-unlabelled.jpg").status()).isEqualTo(PageStatus.MATCHED);
        assertThat(page("03-a-unlabelled.jpg").patient()).isEqualTo(page("01-a.jpg").patient());
        for (String labelled : List.of("07-e.jpg", "11-e.jpg", "15-f.jpg", "19-a.jpg", "23-f.jpg")) {
            assertThat(page(labelled).status()).as(labelled).isEqualTo(PageStatus.MATCHED);
        }
        // the same unlabelled pages after a labelled page are filed with it: the rule below is what stops them
        assertThat(page("24-unlabelled.png").status()).isEqualTo(PageStatus.MATCHED);
        assertThat(page("24-unlabelled.png").patient()).isEqualTo(page("23-f.jpg").patient());
    }

    @Test
    void noPageAfterAFailedPageIsFiledToThePatientBeforeIt() {
        for (String[] x : FAILED) {
            int at = out.indexOf(page(x[0]));
            PageAnalysis before = out.get(at - 1).status() == PageStatus.MATCHED ? out.get(at - 1) : out.get(at - 2);
            assertThat(before.status()).isEqualTo(PageStatus.MATCHED);
            PageAnalysis failed = out.get(at);
            assertThat(failed.status()).as(x[0]).isEqualTo(PageStatus.REVIEW);
            assertThat(String.join(" ", failed.reasons())).as(x[0]).contains(x[1]);
            assertThat(failed.document()).isNotEqualTo(before.document());
            for (PageAnalysis after : out.subList(at + 1, at + 3)) {
                assertThat(after.id().name()).contains("unlabelled");
                assertThat(after.status()).as(after.id().name()).isEqualTo(PageStatus.REVIEW);
                assertThat(after.patient()).as(after.id().name()).isNotEqualTo(before.patient());
                assertThat(after.document()).isEqualTo(failed.document());
            }
        }
    }
}
