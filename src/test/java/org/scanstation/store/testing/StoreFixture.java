package org.scanstation.store.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.testing.SamplePatientData.SamplePatient;

/** Builds stores and batches full of realistic patient data. */
public final class StoreFixture {

    private StoreFixture() {
    }

    public static KeyFileProvider keyIn(Path dir) {
        return new KeyFileProvider(dir.resolve("config").resolve("store.key"));
    }

    public static BatchInfo info() {
        return new BatchInfo("clerk1", "test:0 (SANE test backend)", Map.of("resolution", "300", "mode", "Gray"));
    }

    /**
     * A batch with one document per patient given, each of two pages (a PNG and a JPEG), exported
     * and queued. Returns the PDFs by document index.
     */
    public static List<byte[]> queuedBatch(BatchStore store, List<SamplePatient> patients, int seed) throws IOException {
        StoredBatch b = store.createBatch(info());
        List<byte[]> pdfs = new java.util.ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            SamplePatient p = patients.get(i);
            int p1 = b.addPage(SamplePatientData.png(p, seed + i), "image/png", "000" + (2 * i + 1) + ".png");
            int p2 = b.addPage(SamplePatientData.jpeg(p, seed + i + 100), "image/jpeg", "000" + (2 * i + 2) + ".jpg");
            b.defineDocument(i, p.nhsNumber(), "Scanned health record", List.of(p1, p2));
        }
        b.putDecisions(SamplePatientData.decisionsJson(patients.get(0)));
        for (int i = 0; i < patients.size(); i++) {
            byte[] pdf = SamplePatientData.pdf(patients.get(i), seed + i);
            b.putPdf(i, pdf);
            b.queue(i);
            pdfs.add(pdf);
        }
        b.seal();
        return pdfs;
    }
}
