package org.scanstation.ocr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scanstation.model.HospitalNumberFormat;

/**
 * CPU time of label reading per page on one thread, over public-01's labelled pages after a warm-up
 * round. Runs only when asked: {@code mvn test -Dtest=LabelReaderBenchmark -Dscanstation.bench=true};
 * writes target/label-benchmark.txt. Measures, asserts nothing.
 */
class LabelReaderBenchmark {

    @Test
    void cpuTimePerPage() throws Exception {
        assumeTrue(Boolean.getBoolean("scanstation.bench"), "benchmark not requested");
        assumeTrue(CorpusPages.available(), "corpus not present");
        List<BufferedImage> pages = new ArrayList<>();
        for (CorpusPages.Page p : CorpusPages.labelledPages()) {
            pages.add(CorpusPages.upright(p));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        LabelLocator locator = new LabelLocator();
        try (TesseractLabelReader reader = TesseractLabelReader.create(HospitalNumberFormat.defaultFormat())) {
            for (BufferedImage page : pages) {
                reader.read(page, List.of(), 300);
            }
            long locate = 0;
            long read = 0;
            int labels = 0;
            int rounds = 3;
            for (int round = 0; round < rounds; round++) {
                for (BufferedImage page : pages) {
                    long t0 = cpu.getCurrentThreadCpuTime();
                    locator.locate(page, List.of(), 300);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    labels += reader.read(page, List.of(), 300).size();
                    long t2 = cpu.getCurrentThreadCpuTime();
                    locate += t1 - t0;
                    read += t2 - t1;
                }
            }
            int n = pages.size() * rounds;
            String report = String.format("%d pages x %d rounds, %.2f labels/page: locate %.1f ms CPU/page, "
                            + "locate + OCR + parse %.1f ms CPU/page (one thread, OMP_THREAD_LIMIT=%s)",
                    pages.size(), rounds, (double) labels / n, locate / 1e6 / n, read / 1e6 / n,
                    System.getenv("OMP_THREAD_LIMIT"));
            Files.writeString(Path.of("target", "label-benchmark.txt"), report + "\n");
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, report);
        }
    }
}
