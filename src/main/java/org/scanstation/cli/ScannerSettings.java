package org.scanstation.cli;

import org.scanstation.config.ConfigException;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.StationConfig;
import org.scanstation.scan.ScanDrivers;

/** Where {@code devices} and {@code scan} look for scanners: where the station looks (the configuration in force). */
final class ScannerSettings {

    private ScannerSettings() {
    }

    static ScanDrivers.Settings fromConfiguration() {
        ScanDrivers.Settings s = ScanDrivers.Settings.defaults();
        StationConfig.Scanner scanner;
        try {
            scanner = new ConfigLoader().load().config().scanner();
        } catch (ConfigException e) {
            return s; // the command line refuses a malformed file before any command runs
        }
        if (scanner == null) {
            return s;
        }
        if (scanner.saneServers() != null) {
            s = s.withSaneServers(scanner.saneServers());
        }
        if (scanner.esclScanners() != null) {
            s = s.withEsclScanners(scanner.esclScanners());
        }
        return s.withTwainDsm(scanner.twainDsm());
    }
}
