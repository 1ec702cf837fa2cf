package org.scanstation.upload.cmis.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;
import org.scanstation.upload.cmis.CmisBrowserClient;

/**
 * Benchmark (not a test): encrypted, fsync'd store writes and reads of 1 MB pages, then an upload of
 * 20 documents of 2 MB to the OpenCMIS InMemory server on loopback. Prints the numbers.
 */
public final class StoreUploadBenchmark {

    private StoreUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("scanstation-bench");
        Random random = new Random(1);
        try (InMemoryCmisServer server = new InMemoryCmisServer(0);
             BatchStore store = BatchStore.open(dir.resolve("store"), new KeyFileProvider(dir.resolve("k.key")))) {
            server.start();
            StoredBatch b = store.createBatch(new org.scanstation.store.BatchInfo("bench", "none", null));
            byte[] page = new byte[1 << 20];
            int pages = 60;
            long t0 = System.nanoTime();
            for (int i = 0; i < pages; i++) {
                random.nextBytes(page);
                b.addPage(page, "image/png", "p.png");
            }
            long t1 = System.nanoTime();
            for (int i = 1; i <= pages; i++) {
                b.readPage(i);
            }
            long t2 = System.nanoTime();
            System.out.printf("store: write %.1f ms/page (1 MB, encrypt + fsync + rename), read %.1f ms/page%n",
                    (t1 - t0) / 1e6 / pages, (t2 - t1) / 1e6 / pages);
            int docs = 20;
            byte[] pdf = new byte[2 << 20];
            for (int d = 0; d < docs; d++) {
                random.nextBytes(pdf);
                b.defineDocument(d, "9990000026", "bench", List.of(d + 1));
                b.putPdf(d, pdf);
                b.queue(d);
            }
            b.seal();
            try (CmisBrowserClient client = new CmisBrowserClient(EdmsConnection.of(server.browserUrl(),
                    new EdmsCredentials.Basic("dummyuser", "dummysecret")))) {
                client.repositoryInfo();
                long t3 = System.nanoTime();
                UploadResult r = new UploadService(client, UploadSettings.defaults()).uploadAll(store,
                        UploadListener.SILENT);
                long t4 = System.nanoTime();
                System.out.printf("upload: %d documents of 2 MB (look up, create, download + verify, purge): "
                        + "%.0f ms/document; %s%n", docs, (t4 - t3) / 1e6 / docs, r.summary());
            }
        }
    }
}
