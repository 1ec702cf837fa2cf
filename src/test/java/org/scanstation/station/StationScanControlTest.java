package org.scanstation.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a scan, deleting pages, and an offline station. */
class StationScanControlTest {

    @Test
    void stoppingMidBatchKeepsThePagesScannedSoFar(@TempDir Path dir) throws Exception {
        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            List<String> notices = new ArrayList<>();
            station.addListener(new StationListener() {
                @Override
                public void pageAdded(LivePage page) {
                    if (page.number() == 3) {
                        station.stopScan();
                    }
                }

                @Override
                public void notice(String text) {
                    notices.add(text);
                }
            });
            station.startScan("demo", station.profiles().get(0));
            assertThat(station.isScanning()).isFalse();
            assertThat(station.openPages().size()).isBetween(3, 13);
            assertThat(notices).anyMatch(n -> n.startsWith("Scan stopped"));

            int before = station.openPages().size();
            station.deletePage(2);
            assertThat(station.openPages()).hasSize(before - 1);
            assertThat(station.openPages()).extracting(LivePage::number).startsWith(1, 2);
            assertThatThrownBy(() -> station.deletePage(99)).hasMessageContaining("no page 99");

            assertThat(station.isOnline()).isFalse();
            assertThat(station.connectionText()).startsWith("Offline");
            station.fileBatch("chris", "demo");
            assertThat(station.uploadLines()).isNotEmpty().allSatisfy(l ->
                    assertThat(l.state()).isIn("waiting to upload", "held: waiting for review"));
        }
    }

    @Test
    void shuttingDownWithPagesNotFiledFilesThemSoNothingIsLost(@TempDir Path dir) throws Exception {
        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            station.addListener(new StationListener() {
                @Override
                public void pageAdded(LivePage page) {
                    if (page.number() == 2) {
                        station.stopScan();
                    }
                }
            });
            station.startScan("demo", station.profiles().get(0));
            int kept = station.openPages().size();
            assertThat(kept).isGreaterThanOrEqualTo(2);
            assertThat(station.hasWorkInFlight()).isTrue();

            station.finishForShutdown("chris", "demo", Duration.ofSeconds(60));

            assertThat(station.openPages()).isEmpty();
            assertThat(station.hasWorkInFlight()).isFalse();
            assertThat(station.uploadLines()).isNotEmpty();
        }
    }
}
