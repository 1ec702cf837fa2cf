package org.scanstation.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredPage;
import org.scanstation.store.testing.TestJvm;

/**
 * {@code process} at {@code -Xmx512m} over a 1,000-page PDF (every page one shared image) and over a
 * folder of 1,000 files: every page is stored and readable, and the heap in use after the 1,000th page
 * is what it was after the 100th: pages are stored as they are captured, not kept until the end.
 */
class ProcessLongBatchMemoryTest {

    private static final int PAGES = 1000;
    /** What may be in use at the end beyond what was at page 100 (per-page decisions are a few hundred bytes). */
    private static final long HEAP_GROWTH_ALLOWED = 24L << 20;

    @TempDir
    Path tmp;

    @Test
    void aThousandPagePdfIsStoredPageByPageInFlatMemory() throws Exception {
        run(LongBatches.sharedImagePdf(tmp.resolve("batch.pdf"), PAGES), "pdf", LongBatches.DPI);
    }

    @Test
    void aThousandFileFolderIsStoredPageByPageInFlatMemory() throws Exception {
        run(LongBatches.folder(tmp.resolve("scans"), PAGES), "folder", 0);
    }

    /** @param dpi the resolution every stored page must have, 0 for whatever the files say */
    private void run(Path input, String name, int dpi) throws Exception {
        Path store = tmp.resolve("store-" + name);
        Path key = tmp.resolve(name + ".key");
        Map<Integer, Long> heapAt = new HashMap<>();
        String batch = null;
        try (TestJvm child = TestJvm.start(ProcessHeapMain.class, List.of("-Xmx512m"), tmp.resolve(name + ".log"),
                store.toString(), key.toString(), Path.of("samples/patients.csv").toString(), input.toString(),
                Integer.toString(PAGES))) {
            assertThat(child.waitFor(30 * 60)).as("see " + name + ".log; output " + child.lines()).isZero();
            for (String line : child.lines()) {
                String[] f = line.split(" ");
                if (f[0].equals("heap-at")) {
                    heapAt.put(Integer.parseInt(f[1]), Long.parseLong(f[2]));
                } else if (f[0].equals("batch")) {
                    batch = f[1];
                    assertThat(line).endsWith("pages " + PAGES + " unreadable 0");
                }
            }
        }
        assertThat(heapAt).containsKeys(100, PAGES);
        System.err.println("process " + name + " at -Xmx512m: heap in use after GC " + heapAt.get(100) / (1 << 20)
                + " MB at page 100, " + heapAt.get(PAGES) / (1 << 20) + " MB at page " + PAGES);
        assertThat(heapAt.get(PAGES) - heapAt.get(100)).as("heap growth from page 100 to page " + PAGES + ": " + heapAt)
                .isLessThan(HEAP_GROWTH_ALLOWED);
        try (BatchStore opened = BatchStore.open(store, new KeyFileProvider(key))) {
            StoredBatch b = opened.batch(batch);
            assertThat(b.isSealed()).isTrue();
            List<StoredPage> pages = b.pages();
            assertThat(pages).hasSize(PAGES);
            for (StoredPage p : pages) {
                BufferedImage img = StoredPages.read(b, p, StoredPages.idOf(p)).image();
                assertThat(img.getWidth()).as(p.sourceName()).isBetween(LongBatches.WIDTH - 2, LongBatches.WIDTH);
                assertThat(img.getHeight()).as(p.sourceName()).isBetween(LongBatches.HEIGHT - 2, LongBatches.HEIGHT);
                assertThat(p.dpi()).isPositive();
                if (dpi > 0) {
                    assertThat(p.dpi()).isEqualTo(dpi);
                }
            }
        }
    }
}
