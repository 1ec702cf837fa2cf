package org.scanstation.scan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.scanstation.scan.driver.ScanDriver;
import org.scanstation.scan.driver.demo.DemoDriver;
import org.scanstation.scan.driver.escl.EsclDriver;
import org.scanstation.scan.driver.folder.FolderDriver;
import org.scanstation.scan.driver.folder.HotFolderDriver;
import org.scanstation.scan.driver.sane.SaneAddress;
import org.scanstation.scan.driver.sane.SaneDriver;
import org.scanstation.scan.driver.twain.DsmLocation;
import org.scanstation.scan.driver.twain.TwainDriver;

/** Builds the station's {@link ScanController} with every driver, from a few settings. */
public final class ScanDrivers {

    private ScanDrivers() {
    }

    /**
     * Where to look for scanners.
     *
     * @param saneServers  saned servers to list devices from, as {@code host[:port]} (default 127.0.0.1:6566)
     * @param esclScanners eSCL scanners to list, as {@code escl://HOST:PORT/eSCL} (not discovered automatically)
     * @param samples      the demo scanner's folder of sample pages
     * @param demoPacing   the demo scanner's time per page
     * @param hotFolderIdle a hot folder scan ends after this long without a new file
     * @param twainDsm     the TWAIN Data Source Manager library (setting {@code scanner.twainDsm}), or null for
     *                     the platform's standard one; the environment variable {@code SCANSTATION_TWAIN_DSM} wins
     */
    public record Settings(List<String> saneServers, List<String> esclScanners, Path samples,
                           Duration demoPacing, Duration hotFolderIdle, String twainDsm) {

        public Settings {
            saneServers = List.copyOf(saneServers);
            esclScanners = List.copyOf(esclScanners);
        }

        public static Settings defaults() {
            return new Settings(List.of("127.0.0.1:" + SaneAddress.DEFAULT_PORT), List.of(), Path.of("samples"),
                    Duration.ofMillis(300), Duration.ofMinutes(10), null);
        }

        public Settings withSaneServers(List<String> servers) {
            return new Settings(servers, esclScanners, samples, demoPacing, hotFolderIdle, twainDsm);
        }

        public Settings withEsclScanners(List<String> scanners) {
            return new Settings(saneServers, scanners, samples, demoPacing, hotFolderIdle, twainDsm);
        }

        public Settings withSamples(Path folder, Duration pacing) {
            return new Settings(saneServers, esclScanners, folder, pacing, hotFolderIdle, twainDsm);
        }

        /** The TWAIN Data Source Manager to load (a path or library name), or null for the platform's standard one. */
        public Settings withTwainDsm(String library) {
            return new Settings(saneServers, esclScanners, samples, demoPacing, hotFolderIdle, library);
        }
    }

    /** The drivers, in the order {@code devices} lists them: SANE, eSCL, TWAIN, demo, folder, hot folder. */
    public static List<ScanDriver> all(Settings settings) {
        List<SaneAddress.HostPort> servers = settings.saneServers().stream()
                .map(s -> SaneAddress.HostPort.parse(s, s)).toList();
        return List.of(
                new SaneDriver(servers, Duration.ofSeconds(5), Duration.ofSeconds(120)),
                new EsclDriver(settings.esclScanners(), Duration.ofSeconds(120)),
                new TwainDriver(DsmLocation.resolve(settings.twainDsm())),
                new DemoDriver(settings.samples(), settings.demoPacing()),
                new FolderDriver(),
                new HotFolderDriver(Duration.ofSeconds(1), settings.hotFolderIdle(), Duration.ofSeconds(10)));
    }

    public static ScanController controller(Settings settings) {
        return new ScanController(all(settings));
    }
}
