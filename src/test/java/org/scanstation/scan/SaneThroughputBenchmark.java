package org.scanstation.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.scan.driver.sane.SaneAddress;
import org.scanstation.scan.driver.sane.SaneDriver;

/**
 * Pages per second from a real saned (test backend, 10-page ADF, 200 x 200 mm at 300 dpi, the
 * backend's largest page). Not part of the normal test run:
 * {@code mvn -q test -Dtest=SaneThroughputBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SaneThroughputBenchmark {

    @TempDir
    Path tmp;

    @Test
    void pagesPerSecond() throws Exception {
        try (SanedProcess saned = SanedProcess.startOrSkip()) {
            ScanController c = new ScanController(List.of(new SaneDriver(
                    List.of(new SaneAddress.HostPort("127.0.0.1", saned.port)), Duration.ofSeconds(3), Duration.ofSeconds(60))
                    .withBackendOptions(Map.of("test-picture", "Color pattern"))));
            ScanOptions base = ScanOptions.defaults().withSource(PaperSource.ADF).withResolution(300)
                    .withArea(new ScanArea(0, 0, 200, 200));
            c.scan(saned.uri("test:0"), base, new CancelToken(), e -> { }); // warm-up
            for (ColorMode mode : List.of(ColorMode.GRAY, ColorMode.COLOR, ColorMode.LINEART)) {
                for (int run = 0; run < 2; run++) {
                    long t = System.nanoTime();
                    ScanResult r = c.scan(saned.uri("test:0"), base.withMode(mode), new CancelToken(), e -> { });
                    report("controller " + mode.id(), r.pages(), System.nanoTime() - t);
                }
            }
            for (ColorMode mode : List.of(ColorMode.GRAY, ColorMode.COLOR)) {
                long t = System.nanoTime();
                ScanToFolder.Result r = new ScanToFolder(c).scan(saned.uri("test:0"), base.withMode(mode),
                        tmp.resolve(mode.id()), new CancelToken());
                report("scan-to-folder (PNG) " + mode.id(), r.pageFiles().size(), System.nanoTime() - t);
            }
        }
    }

    private static void report(String what, int pages, long nanos) {
        double s = nanos / 1e9;
        System.out.printf(Locale.ROOT, "BENCH %-28s %2d pages in %6.2f s = %6.1f pages/s%n", what, pages, s, pages / s);
    }
}
