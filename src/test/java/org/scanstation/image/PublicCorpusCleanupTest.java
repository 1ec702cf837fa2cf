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
        List<String> wrongRotation = new ArrayList<>();
        List<String> wrongBlank = new ArrayList<>();
        List<String> wrongSkew = new ArrayList<>();
        List<Long> loadMs = new ArrayList<>();
        List<Long> cleanupMs = new ArrayList<>();
        int contentPages = 0;
        int pages = 0;
        try (TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK)) {
            PageCleaner cleaner = new PageCleaner(ocr);
            PageLoader loader = new PageLoader();
            for (Path file : InputFiles.expand(List.of(CORPUS.resolve("batch"))).files()) {
                List<ScannedPage> loaded = new ArrayList<>();
                long t0 = cpu.getCurrentThreadCpuTime();
                loader.load(file, r -> loaded.add(((PageLoadResult.Loaded) r).page()));
                loadMs.add((cpu.getCurrentThreadCpuTime() - t0) / 1_000_000);
                for (ScannedPage page : loaded) {
                    pages++;
                    JsonNode t = bySource.get(page.id().name());
                    String kind = t.get("kind").asText();

                    long t1 = cpu.getCurrentThreadCpuTime();
                    PageCleaner.Cleanup plan = cleaner.plan(page);
                    cleanupMs.add((cpu.getCurrentThreadCpuTime() - t1) / 1_000_000);

                    if (plan.blank().blank() != kind.equals("blank")) {
                        wrongBlank.add(page.id() + " (" + kind + "): " + plan.blank().reason());
                    }
                    if (kind.equals("blank")) {
                        continue;
                    }
                    if (kind.equals("page")) {
                        contentPages++;
                        int rotation = plan.orientation().clockwiseDegrees();
                        if (rotation != t.get("rotation").asInt()) {
                            wrongRotation.add(page.id() + ": " + rotation + " not " + t.get("rotation").asInt()
                                    + " (" + plan.orientation().evidence() + ")");
                        }
                    }
                    // the corpus records the anticlockwise angle the page was turned by
                    double expected = -t.get("skew").asDouble();
                    if (Math.abs(plan.skewDegrees() - expected) > 0.5) {
                        wrongSkew.add(page.id() + ": " + plan.skewDegrees() + " not " + expected);
                    }
                }
            }
        }
        System.out.printf("public-01: %d pages (%d content); CPU ms on one thread, median / p90 / max:%n", pages, contentPages);
        System.out.println("  load, per file          " + stats(loadMs));
        System.out.println("  clean-up plan, per page " + stats(cleanupMs) + "  (blank + orientation + skew)");

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
