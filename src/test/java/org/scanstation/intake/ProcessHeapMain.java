package org.scanstation.intake;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.scanstation.image.PageLoader;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;

/**
 * Child process for the memory test: {@code process} over one input, printing the heap in use after a
 * full collection once 100 pages are analysed and again at the last page, then what was stored.
 * Arguments: store folder, key file, patient index CSV, the input, the number of pages in it.
 */
public final class ProcessHeapMain {

    private ProcessHeapMain() {
    }

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[4]);
        AtomicInteger seen = new AtomicInteger();
        try (BatchStore store = BatchStore.open(Path.of(args[0]), new KeyFileProvider(Path.of(args[1])))) {
            ProcessResult r = new ProcessService(AnalysisSettings.defaults(), CsvPatientIndex.load(Path.of(args[2])))
                    .process(store, org.scanstation.image.InputFiles.expand(List.of(Path.of(args[3]))).files(), "op", "WARD-1", page -> {
                        int n = seen.incrementAndGet();
                        if (n == 100 || n == total) {
                            System.gc();
                            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                            System.out.println("heap-at " + n + " " + used);
                        }
                    });
            System.out.println("batch " + r.batch().batchId() + " pages " + r.batch().pages() + " unreadable "
                    + r.unreadable());
        }
    }
}
