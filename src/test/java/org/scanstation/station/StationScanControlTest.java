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
            station.fileBatch();
            assertThat(station.uploadLines()).isNotEmpty().allSatisfy(l ->
                    assertThat(l.state()).isIn("waiting to upload", "held: waiting for review"));
        }
    }

    @Test
    void closingWithPagesNotFiledKeepsThemForTheNextStartSoNothingIsLost(@TempDir Path dir) throws Exception {
        List<LivePage> before;
        try (Station station = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            station.addListener(new StationListener() {
                @Override
                public void pageAdded(LivePage page) {
                    if (page.number() == 3) {
                        station.stopScan();
                    }
                }
            });
            station.startScan("demo", station.profiles().get(0), "chris");
            station.deletePage(2);
            before = station.openPages();
            assertThat(before.size()).isGreaterThanOrEqualTo(2);
            assertThat(station.hasWorkInFlight()).isTrue();
            station.finishForShutdown();
            assertThat(station.uploadLines()).as("nothing filed behind the clerk's back").isEmpty();
        }
        try (Station again = StationFixture.open(dir, null, Runnable::run, Duration.ZERO)) {
            List<String> notices = new ArrayList<>();
            again.addListener(new StationListener() {
                @Override
                public void notice(String text) {
                    notices.add(text);
                }
            });
            again.start();
            assertThat(again.openPages()).extracting(p -> p.analysis().id().name())
                    .containsExactlyElementsOf(before.stream().map(p -> p.analysis().id().name()).toList());
            assertThat(again.openPages()).extracting(LivePage::status)
                    .containsExactlyElementsOf(before.stream().map(LivePage::status).toList());
            assertThat(notices).anyMatch(n -> n.contains("back in this batch"));
            again.fileBatch();
            assertThat(again.openPages()).isEmpty();
            assertThat(again.uploadLines()).isNotEmpty();
        }
    }
}
