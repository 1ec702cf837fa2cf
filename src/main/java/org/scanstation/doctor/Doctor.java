package org.scanstation.doctor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.config.ConfigLoader;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.store.StorePaths;

/**
 * Checks what the station needs on this PC, in the order IT would fix it: configuration, Tesseract
 * and its language data, scanners, the batch store and its key, the EDMS, the log folder. The other
 * checks use the configuration as loaded; when it is malformed they run on the built-in defaults.
 */
public final class Doctor {

    /**
     * What to check.
     *
     * @param machineFile the machine-wide configuration file
     * @param userLayers  the user's settings files, in the order they apply
     * @param checkTrust  true to check, as the station does, that this user could not have written the machine file
     * @param tessdata    the language data folder, or null to look where the station looks
     * @param logDir      where logs are written, or null when logging could not start
     * @param edmsTimeout connect and read time-out for the EDMS
     * @param candidate   a machine-wide file IT wants checked before deploying it (not applied), or null
     */
    public record Settings(Path machineFile, List<Path> userLayers, boolean checkTrust, Path tessdata, Path logDir,
                           Duration edmsTimeout, Path candidate) {

        public Settings {
            userLayers = List.copyOf(userLayers);
        }

        /** These files, taken as they are (tests). */
        public Settings(Path machineFile, Path userFile, Path tessdata, Path logDir, Duration edmsTimeout) {
            this(machineFile, List.of(userFile), false, tessdata, logDir, edmsTimeout, null);
        }

        /** This PC's files and folders, as the station would use them. */
        public static Settings forThisPc(Path logDir) {
            return new Settings(ConfigLoader.machineFile(), ConfigLoader.userLayers(), true, null, logDir,
                    Duration.ofSeconds(10), null);
        }

        public Settings withTessdata(Path dir) {
            return new Settings(machineFile, userLayers, checkTrust, dir, logDir, edmsTimeout, candidate);
        }

        public Settings withCandidate(Path file) {
            return new Settings(machineFile, userLayers, checkTrust, tessdata, logDir, edmsTimeout, file);
        }
    }

    private final Settings settings;

    public Doctor(Settings settings) {
        this.settings = settings;
    }

    /** Runs every check; never throws. */
    public List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        ConfigCheck configCheck = new ConfigCheck(settings.machineFile(), settings.userLayers(), settings.checkTrust());
        results.add(configCheck.run());
        if (settings.candidate() != null) {
            results.add(ConfigCheck.candidate(settings.candidate()));
        }
        EffectiveConfig loaded = configCheck.loaded();
        StationConfig config = loaded != null ? loaded.config() : StationConfig.defaults();

        results.add(new TesseractCheck(settings.tessdata()).run());
        results.add(new ScannerCheck(scanSettings(config)).run());
        results.add(new StoreCheck(storePath(config), keyFile(config)).run());
        results.add(new PatientIndexCheck(config.patientIndex(), java.time.Clock.systemUTC()).run());
        results.add(new EdmsCheck(config.edms(), settings.edmsTimeout()).run());
        results.add(logResult());
        return results;
    }

    /** True when any result is a FAIL. */
    public static boolean anyFailed(List<CheckResult> results) {
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL);
    }

    private CheckResult logResult() {
        if (settings.logDir() == null) {
            return CheckResult.of("Logs", CheckStatus.WARN, "no log file could be opened: the station runs without a log");
        }
        return CheckResult.of("Logs", CheckStatus.OK, "written to " + settings.logDir());
    }

    private static ScanDrivers.Settings scanSettings(StationConfig config) {
        ScanDrivers.Settings s = ScanDrivers.Settings.defaults();
        StationConfig.Scanner scanner = config.scanner();
        if (scanner != null && scanner.saneServers() != null) {
            s = s.withSaneServers(scanner.saneServers());
        }
        if (scanner != null && scanner.esclScanners() != null) {
            s = s.withEsclScanners(scanner.esclScanners());
        }
        if (scanner != null) {
            s = s.withTwainDsm(scanner.twainDsm());
        }
        return s;
    }

    private static Path storePath(StationConfig config) {
        StationConfig.Store store = config.store();
        return store != null && store.path() != null ? Path.of(store.path()) : StorePaths.defaultStore();
    }

    private static Path keyFile(StationConfig config) {
        StationConfig.Store store = config.store();
        return store != null && store.keyFile() != null ? Path.of(store.keyFile()) : StorePaths.defaultKeyFile();
    }
}
