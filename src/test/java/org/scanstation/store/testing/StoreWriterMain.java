package org.scanstation.store.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.Sha256;
import org.scanstation.store.StoredBatch;

/**
 * Child process for the crash test: writes batches into a store without end and prints one line per
 * acknowledged write ({@code page BATCH INDEX SHA256} / {@code pdf BATCH DOC SHA256}), to be killed
 * with SIGKILL at any point.
 */
public final class StoreWriterMain {

    private StoreWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(Long.parseLong(args[2]));
        try (BatchStore store = BatchStore.open(Path.of(args[0]), new KeyFileProvider(Path.of(args[1])))) {
            while (true) {
                StoredBatch b = store.createBatch(StoreFixture.info());
                System.out.println("batch " + b.id());
                for (int doc = 0; doc < 3; doc++) {
                    int first = 0;
                    for (int i = 0; i < 3; i++) {
                        byte[] page = new byte[150_000 + random.nextInt(100_000)];
                        random.nextBytes(page);
                        int index = b.addPage(page, "image/png", "scan.png");
                        first = first == 0 ? index : first;
                        System.out.println("page " + b.id() + " " + index + " " + Sha256.hex(page));
                    }
                    b.defineDocument(doc, "9990000026", "Scanned health record", List.of(first, first + 1, first + 2));
                    byte[] pdf = new byte[300_000 + random.nextInt(100_000)];
                    random.nextBytes(pdf);
                    b.putPdf(doc, pdf);
                    b.queue(doc);
                    System.out.println("pdf " + b.id() + " " + doc + " " + Sha256.hex(pdf));
                }
                b.seal();
            }
        }
    }
}
