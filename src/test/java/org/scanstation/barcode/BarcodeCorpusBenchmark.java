package org.scanstation.barcode;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Not a unit test: CPU time per page of {@link ZxingBarcodeReader} over corpus folders (images,
 * multi-page TIFF, PDF at 300 dpi), after one warm-up pass, with what it read on each page. Run
 * with {@code java -cp target/classes:target/test-classes:... org.scanstation.barcode.BarcodeCorpusBenchmark DIR...}.
 */
public final class BarcodeCorpusBenchmark {

    public static void main(String[] args) throws IOException {
        List<String> names = new ArrayList<>();
        List<BufferedImage> pages = new ArrayList<>();
        for (String dir : args) {
            List<Path> files;
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                files = s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches("(?i).*\\.(pdf|tiff?|png|jpe?g)$")).sorted().toList();
            }
            for (Path f : files) {
                List<BufferedImage> loaded = CorpusPages.load(f);
                for (int i = 0; i < loaded.size(); i++) {
                    names.add(f.getFileName() + (loaded.size() > 1 ? "#" + (i + 1) : ""));
                    pages.add(loaded.get(i));
                }
            }
        }
        ZxingBarcodeReader reader = new ZxingBarcodeReader();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (BufferedImage p : pages) {
            reader.read(p); // warm-up
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            long t0 = mx.getCurrentThreadCpuTime();
            List<Barcode> found = reader.read(pages.get(i));
            long ms = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
            times.add(ms);
            System.out.printf("%-40s %4d ms %s%n", names.get(i), ms,
                    found.stream().map(b -> b.format() + ":" + b.text()).toList());
        }
        if (times.isEmpty()) {
            System.out.println("no pages");
            return;
        }
        Collections.sort(times);
        System.out.printf("%d pages: mean %.0f ms, median %d, p95 %d, max %d CPU ms per page%n", times.size(),
                times.stream().mapToLong(Long::longValue).average().orElse(0), times.get(times.size() / 2),
                times.get((int) (times.size() * 0.95)), times.get(times.size() - 1));
    }
}
