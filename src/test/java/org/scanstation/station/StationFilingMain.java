package org.scanstation.station;

import java.nio.file.Path;
import java.time.Duration;
import org.scanstation.config.StationConfig;

/**
 * Child process for the crash test: a real station (offline) scans a folder and files the batch,
 * printing {@code scanned N}, {@code filing}, {@code filed} as it goes, to be killed with SIGKILL.
 * Arguments: the station's folder, the pages folder, the patient index CSV.
 */
public final class StationFilingMain {

    private StationFilingMain() {
    }

    public static void main(String[] args) throws Exception {
        StationConfig config = StationFixture.config(Path.of(args[0]), null, Path.of(args[2]));
        try (Station station = new Station(StationFixture.parts(config, Runnable::run, Duration.ZERO))) {
            station.addListener(new StationListener() {
                @Override
                public void notice(String text) {
                    System.out.println("notice " + text);
                }
            });
            station.start();
            station.startScan("folder:" + args[1], config.scanner().profiles().get(0), "chris");
            System.out.println("scanned " + station.openPages().size());
            System.out.println("filing");
            station.fileBatch();
            System.out.println("filed");
        }
    }
}
