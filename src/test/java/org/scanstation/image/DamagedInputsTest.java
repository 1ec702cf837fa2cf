package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files cut short, damaged or made to break a reader: every page still comes out as a page, the ones
 * that cannot be read with the reason in words, and no reader runs for ever.
 */
class DamagedInputsTest {

    static final int DPI = 100;

    @TempDir
    static Path dir;

    static BufferedImage[] five;

    @BeforeAll
    static void draw() {
        five = new BufferedImage[5];
        for (int i = 0; i < 5; i++) {
            five[i] = InputFixtures.page(DPI, 10 + i);
        }
    }

    static List<PageLoadResult> load(Path file, ReadLimits limits) throws Exception {
        List<PageLoadResult> pages = new ArrayList<>();
        new PageLoader(limits).load(file, pages::add);
        return pages;
    }

    static List<PageLoadResult> load(Path file) throws Exception {
        return load(file, ReadLimits.defaults());
    }

    static String reason(PageLoadResult r) {
        assertThat(r).isInstanceOf(PageLoadResult.Unreadable.class);
        return ((PageLoadResult.Unreadable) r).reason();
    }

    @Test
    void aFivePageCcittTiffCutShortGivesFivePagesTheLastSayingTheFileEndsEarly() throws Exception {
        Path whole = InputFixtures.tiff(dir, "five.tif", "Group4", five);
        byte[] bytes = Files.readAllBytes(whole);
        assertThat(load(whole)).hasSize(5).allMatch(r -> r instanceof PageLoadResult.Loaded);
        for (double keep : new double[] {0.9, 0.97}) {
            Path cut = Files.write(dir.resolve("cut-" + keep + ".tif"), Arrays.copyOf(bytes, (int) (bytes.length * keep)));
            List<PageLoadResult> pages = load(cut);
            assertThat(pages).extracting(r -> r.id().name()).containsExactly(
                    name(cut, 1), name(cut, 2), name(cut, 3), name(cut, 4), name(cut, 5));
            assertThat(pages.subList(0, 4)).allMatch(r -> r instanceof PageLoadResult.Loaded);
            assertThat(reason(pages.get(4))).contains("ends early");
        }
    }

    private static String name(Path file, int page) {
        return file.getFileName() + "#" + page;
    }

    @Test
    @Timeout(30)
    void aTiffWhosePageChainPointsBackToItselfEndsWithAReviewPageSayingSo() throws Exception {
        Path loop = InputFixtures.selfLoopingTiff(dir, "loop.tif");
        assertThat(Files.size(loop)).isEqualTo(138);
        List<PageLoadResult> pages = load(loop);
        assertThat(pages).hasSize(2);
        assertThat(pages.get(0)).isInstanceOf(PageLoadResult.Loaded.class);
        assertThat(reason(pages.get(1))).contains("points back to page 1").contains("damaged");
    }

    @Test
    @Timeout(30)
    void aLoopFurtherDownTheChainIsFoundToo() throws Exception {
        // a three-page G4 TIFF whose last page points back to the second
        Path tif = InputFixtures.tiff(dir, "three.tif", "Group4", five[0], five[1], five[2]);
        byte[] b = Files.readAllBytes(tif);
        List<TiffPageChain.Entry> chain = TiffPageChain.walk(tif, 100, PageDeadline.none());
        long second = ((TiffPageChain.Entry.Page) chain.get(1)).offset();
        long third = ((TiffPageChain.Entry.Page) chain.get(2)).offset();
        int entries = (b[(int) third] & 0xff) | (b[(int) third + 1] & 0xff) << 8;
        int next = (int) third + 2 + 12 * entries;
        b[next] = (byte) second;
        b[next + 1] = (byte) (second >> 8);
        b[next + 2] = (byte) (second >> 16);
        b[next + 3] = (byte) (second >> 24);
        Path looped = Files.write(dir.resolve("looped.tif"), b);
        List<PageLoadResult> pages = load(looped);
        assertThat(pages).hasSize(4);
        assertThat(pages.subList(0, 3)).allMatch(r -> r instanceof PageLoadResult.Loaded);
        assertThat(reason(pages.get(3))).contains("points back to page 2 after page 3");
    }

    @Test
    void pagesOverThePageCapAreOneReviewPageSayingSo() throws Exception {
        Path tif = InputFixtures.tiff(dir, "capped.tif", "Group4", five);
        List<PageLoadResult> pages = load(tif, ReadLimits.defaults().withMaxPagesPerFile(3));
        assertThat(pages).hasSize(4);
        assertThat(reason(pages.get(3))).contains("more than 3 pages");
    }

    @Test
    @Timeout(60)
    void aTiffPageOverItsTimeLimitIsAReviewPageAndTheNextFileIsStillRead() throws Exception {
        Path slow = InputFixtures.slowTiff(dir, "bomb.tif", 40_000);
        assertThat(Files.size(slow)).isLessThan(100_000);
        long start = System.nanoTime();
        List<PageLoadResult> pages = load(slow, ReadLimits.defaults().withPageTimeLimit(Duration.ofMillis(500)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(pages).hasSize(1);
        assertThat(reason(pages.get(0))).contains("time limit of 500 ms");
    }

    @Test
    @Timeout(60)
    void aPdfPageOverItsTimeLimitIsAReviewPageAndTheOtherPagesAreRead() throws Exception {
        // one file, three pages: fine, a content stream that would take minutes, fine
        Path slow = InputFixtures.slowPdf(dir, "slow.pdf", 26);
        Path fine = InputFixtures.jbig2Pdf(dir, "fine.pdf", five[0]);
        Path merged = dir.resolve("merged.pdf");
        org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
        merger.addSource(fine.toFile());
        merger.addSource(slow.toFile());
        merger.addSource(fine.toFile());
        merger.setDestinationFileName(merged.toString());
        merger.mergeDocuments(null);
        long start = System.nanoTime();
        List<PageLoadResult> pages = load(merged, ReadLimits.defaults().withPageTimeLimit(Duration.ofSeconds(2)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(pages).hasSize(3);
        assertThat(pages.get(0)).isInstanceOf(PageLoadResult.Loaded.class);
        assertThat(reason(pages.get(1))).contains("time limit of 2 s");
        assertThat(pages.get(2)).isInstanceOf(PageLoadResult.Loaded.class);
    }

    @Test
    @Timeout(30)
    void aFormThatDrawsItselfIsARenderProblemNotAWhitePage() throws Exception {
        List<PageLoadResult> pages = load(InputFixtures.selfDrawingFormPdf(dir, "self.pdf"));
        assertThat(pages).hasSize(1);
        ScannedPage p = ((PageLoadResult.Loaded) pages.get(0)).page();
        assertThat(p.renderedCleanly()).isFalse();
        assertThat(p.renderProblems()).anyMatch(s -> s.contains("draws itself"));
    }

    @Test
    void anErrorPdfBoxOnlyLogsIsARenderProblem() throws Exception {
        Path file = dir.resolve("missing-shading.pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(
                    org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            doc.addPage(page);
            page.setResources(new org.apache.pdfbox.pdmodel.PDResources());
            org.apache.pdfbox.pdmodel.common.PDStream content = new org.apache.pdfbox.pdmodel.common.PDStream(doc);
            try (var os = content.createOutputStream()) {
                // a shading the page's resources do not hold: PDFBox logs an error and draws nothing
                os.write("0 g 100 100 50 50 re f /Missing sh\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            doc.save(file.toFile());
        }
        ScannedPage p = ((PageLoadResult.Loaded) load(file).get(0)).page();
        assertThat(p.renderProblems()).anyMatch(s -> s.contains("renderer reported an error") && s.contains("Missing"));
    }

    @Test
    void aDamagedJbig2ImageIsARenderProblem() throws Exception {
        List<PageLoadResult> pages = load(InputFixtures.damagedJbig2Pdf(dir, "damaged-jbig2.pdf", five[0]));
        assertThat(pages).hasSize(1);
        ScannedPage p = ((PageLoadResult.Loaded) pages.get(0)).page();
        assertThat(p.renderProblems()).as("a page that rendered white must say why")
                .anyMatch(s -> s.contains("cannot be drawn") && s.contains("JBIG2"));
    }

    @Test
    @Timeout(30)
    void aReaderThatIgnoresItsDeadlineIsAbandonedAfterAShortGrace() throws Exception {
        try (PageTimer timer = new PageTimer(Duration.ofMillis(200))) {
            long start = System.nanoTime();
            PageTimer.Outcome<String> stuck = timer.run(d -> {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < until) {
                    Math.sqrt(until); // a reader spinning with no look at its deadline
                }
                return "late";
            });
            assertThat(stuck).isEqualTo(new PageTimer.Outcome.TimedOut<String>(false));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(timer.run(d -> "next page")).isEqualTo(new PageTimer.Outcome.Done<>("next page"));
        }
    }
}
