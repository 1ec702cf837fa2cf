package org.scanstation.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scanstation.ocr.TesseractOcrEngine;

/**
 * Clean-up over the shared sample batch ({@code ../shared/corpus/public-01}): every page loaded,
 * its blankness, orientation and skew compared with the corpus truth. Prints the CPU time each
 * step took per page (for the record; not asserted).
 */
class PublicCorpusCleanupTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus", "public-01");

    @Test
    void orientationSkewAndBlankPagesAgreeWithTheTruth() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS.resolve("batch")), "corpus not found at " + CORPUS.toAbsolutePath());
        JsonNode truth = new ObjectMapper().readTree(CORPUS.resolve("truth.json").toFile());
        Map<String, JsonNode> bySource = new HashMap<>();
        truth.get("pages").forEach(p -> bySource.put(p.get("source").asText(), p));

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        BlankPageDetector blanks = new BlankPageDetector();
        SkewDetector skew = new SkewDetector();
        List<String> wrongRotation = new ArrayList<>();
        List<String> wrongBlank = new ArrayList<>();
        List<String> wrongSkew = new ArrayList<>();
        List<Long> loadMs = new ArrayList<>();
        List<Long> blankMs = new ArrayList<>();
        List<Long> orientMs = new ArrayList<>();
        List<Long> skewMs = new ArrayList<>();
        int contentPages = 0;
        int pages = 0;
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            OrientationDetector orientation = new OrientationDetector(ocr);
            PageLoader loader = new PageLoader();
            for (Path file : PageLoader.expandInputs(List.of(CORPUS.resolve("batch")))) {
                List<ScannedPage> loaded = new ArrayList<>();
                long t0 = cpu.getCurrentThreadCpuTime();
                loader.load(file, r -> loaded.add(((PageLoadResult.Loaded) r).page()));
                loadMs.add((cpu.getCurrentThreadCpuTime() - t0) / 1_000_000);
                for (ScannedPage page : loaded) {
                    pages++;
                    JsonNode t = bySource.get(page.id().name());
                    String kind = t.get("kind").asText();
                    BufferedImage grey = ImageOps.toGrey(page.image());

                    long t1 = cpu.getCurrentThreadCpuTime();
                    BlankVerdict verdict = blanks.assess(grey, page.dpi());
                    long t2 = cpu.getCurrentThreadCpuTime();
                    blankMs.add((t2 - t1) / 1_000_000);
                    if (verdict.blank() != kind.equals("blank")) {
                        wrongBlank.add(page.id() + " (" + kind + "): " + verdict.reason());
                    }
                    if (kind.equals("blank")) {
                        continue;
                    }
                    OrientationDetector.Orientation o = orientation.detect(grey);
                    long t3 = cpu.getCurrentThreadCpuTime();
                    orientMs.add((t3 - t2) / 1_000_000);
                    if (kind.equals("page")) {
                        contentPages++;
                        if (o.clockwiseDegrees() != t.get("rotation").asInt()) {
                            wrongRotation.add(page.id() + ": " + o.clockwiseDegrees() + " not " + t.get("rotation").asInt()
                                    + " (" + o.evidence() + ")");
                        }
                    }
                    BufferedImage upright = ImageOps.rotateQuadrant(grey, o.clockwiseDegrees());
                    long t4 = cpu.getCurrentThreadCpuTime();
                    double tilt = skew.detectDegrees(upright);
                    skewMs.add((cpu.getCurrentThreadCpuTime() - t4) / 1_000_000);
                    // the corpus records the anticlockwise angle the page was turned by
                    double expected = -t.get("skew").asDouble();
                    if (Math.abs(tilt - expected) > 0.5) {
                        wrongSkew.add(page.id() + ": " + tilt + " not " + expected);
                    }
                }
            }
        }
        System.out.printf("public-01: %d pages (%d content); CPU ms per page, median/p90/max:%n", pages, contentPages);
        System.out.println("  load (per file) " + stats(loadMs));
        System.out.println("  blank           " + stats(blankMs));
        System.out.println("  orientation     " + stats(orientMs));
        System.out.println("  skew            " + stats(skewMs));
        System.out.println("  wrong rotation: " + wrongRotation);

        assertThat(pages).isEqualTo(bySource.size());
        assertThat(wrongBlank).as("blank verdicts").isEmpty();
        assertThat(wrongRotation.size()).as("wrong rotations: " + wrongRotation).isLessThanOrEqualTo(contentPages / 20);
        assertThat(wrongSkew).as("skew off by more than 0.5 degree").isEmpty();
    }

    private static String stats(List<Long> ms) {
        long[] v = ms.stream().mapToLong(Long::longValue).sorted().toArray();
        return v.length == 0 ? "-" : v[v.length / 2] + " / " + v[(int) (v.length * 0.9)] + " / " + v[v.length - 1];
    }
}
