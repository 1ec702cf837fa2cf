package org.scanstation.scan.driver.twain;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.ScanResult;

/**
 * Pages per second from the TWAIN fixture (the sample source's letter page at 300 dpi, 20 sheets),
 * native and memory transfers, through the controller as the station uses it. The sample source
 * renders each page with FreeImage, so this measures the driver plus that, not a scanner. Not part
 * of the normal test run: {@code mvn -q test -Dtest=TwainThroughputBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class TwainThroughputBenchmark {

    @Test
    void pagesPerSecond() {
        TwainDriver driver = TwainFixture.driver();
        ScanOptions base = ScanOptions.defaults().withResolution(300);
        TwainFixture.feederHolds(20);
        new ScanController(List.of(driver)).scan(TwainFixture.DEVICE, base, new CancelToken(), e -> { }); // warm-up
        for (TransferMode transfer : TransferMode.values()) {
            ScanController c = new ScanController(List.of(driver.withTransferMode(transfer)));
            for (ColorMode mode : List.of(ColorMode.GRAY, ColorMode.COLOR, ColorMode.LINEART)) {
                long t = System.nanoTime();
                ScanResult r = c.scan(TwainFixture.DEVICE, base.withMode(mode), new CancelToken(), e -> { });
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "BENCH twain %-6s %-7s %2d pages in %6.2f s = %5.1f pages/s%n",
                        transfer.name().toLowerCase(Locale.ROOT), mode.id(), r.pages(), s, r.pages() / s);
            }
        }
    }
}
