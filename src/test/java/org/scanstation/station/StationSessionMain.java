package org.scanstation.station;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.scanstation.config.StationConfig;

/**
 * Child process for the temporary-files test: a whole station session through the facade. Scans a
 * folder, files the batch, a supervisor files each held document to a patient from the index, waits
 * for the uploads; prints {@code done}. Arguments: the station's folder, the pages folder, the patient
 * index CSV, the CMIS browser URL.
 */
public final class StationSessionMain {

    private StationSessionMain() {
    }

    public static void main(String[] args) throws Exception {
        StationConfig config = StationFixture.config(Path.of(args[0]), args[3], Path.of(args[2]));
        try (Station station = new Station(StationFixture.parts(config, Runnable::run, Duration.ZERO))) {
            station.start();
            station.startScan("folder:" + args[1], config.scanner().profiles().get(0), "chris");
            station.fileBatch();
            List<ReviewItem> held = station.reviewQueue();
            for (ReviewItem item : held) {
                station.assign(item, station.searchPatients("a").get(0), StationFixture.supervisor());
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (station.pendingUploads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            System.out.println("held " + held.size() + ", uploads pending " + station.pendingUploads());
        }
        System.out.println("done");
    }
}
