package org.scanstation.station;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.scanstation.config.EffectiveConfig;
import org.scanstation.config.StationConfig;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.intake.Engines;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.store.PatientIndexes;
import org.scanstation.ocr.OcrException;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDrivers;
import org.scanstation.store.BatchStore;
import org.scanstation.store.KeyFileProvider;
import org.scanstation.store.StorePaths;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.EdmsConnection;
import org.scanstation.upload.EdmsCredentials;
import org.scanstation.upload.UploadSettings;
import org.scanstation.upload.cmis.CmisBrowserClient;

/**
 * Builds a {@link Station} from the configuration in force with the real components: the scanner
 * drivers, the analysis and OCR engines (made once for the station's life), the patient index CSV, the
 * encrypted store and the CMIS client.
 */
public final class StationFactory {

    private StationFactory() {
    }

    /**
     * Where the station finds what the configuration does not say.
     *
     * @param samples     the samples folder: the demo scanner's pages ({@code batch/}) and the default patient
     *                    index ({@code patients.csv})
     * @param demoPacing  the demo scanner's time per page
     */
    public record Defaults(Path samples, Duration demoPacing) {
        public static Defaults standard() {
            return new Defaults(Path.of("samples"), Duration.ofMillis(300));
        }
    }

    /**
     * @throws StationException with a sentence for the user when a part cannot start (no OCR data, patient
     *                          index unreadable, store locked by another station window ...)
     */
    public static Station open(EffectiveConfig effective, Defaults defaults, Executor work) {
        return new Station(parts(effective, defaults, work));
    }

    /** The parts of a station, not yet started. */
    public static Station.Parts parts(EffectiveConfig effective, Defaults defaults, Executor work) {
        // page images are decoded and encoded in memory only: ImageIO must not cache them in plaintext files
        NoPlaintextTempFiles.apply();
        StationConfig cfg = effective.config();
        PatientIndex index = loadIndex(cfg, defaults);
        Engines engines;
        try {
            engines = Engines.create(analysisSettings(cfg), index);
        } catch (RuntimeException | OcrException e) {
            throw new StationException("Text recognition (Tesseract with English data) is not available: "
                    + Station.messageOf(e), e);
        }
        BatchStore store;
        try {
            store = openStore(cfg);
        } catch (IOException | RuntimeException e) {
            engines.close();
            throw new StationException("The station's document store cannot be opened: " + Station.messageOf(e), e);
        }
        StationConfig.Scanner sc = cfg.scanner();
        ScanDrivers.Settings drivers = ScanDrivers.Settings.defaults()
                .withSamples(defaults.samples().resolve("batch"), defaults.demoPacing());
        if (sc != null && sc.saneServers() != null) {
            drivers = drivers.withSaneServers(sc.saneServers());
        }
        if (sc != null && sc.esclScanners() != null) {
            drivers = drivers.withEsclScanners(sc.esclScanners());
        }
        if (sc != null) {
            drivers = drivers.withTwainDsm(sc.twainDsm());
        }
        ScanController scanner = ScanDrivers.controller(drivers);
        StationConfig.Edms edms = cfg.edms();
        EdmsClient client = null;
        String edmsName;
        try {
            if (edms == null || edms.cmisUrl() == null || edms.cmisUrl().isBlank()) {
                edmsName = "no EDMS is configured; documents are kept here.";
            } else if (Boolean.TRUE.equals(edms.offline())) {
                edmsName = "the EDMS is switched off in the settings; documents are kept here.";
            } else {
                try {
                    client = new CmisBrowserClient(connection(edms));
                    edmsName = edms.cmisUrl();
                } catch (IllegalArgumentException e) {
                    // refused address (malformed, or a password over plain http): keep documents here, say why
                    edmsName = "the EDMS is not used: " + e.getMessage() + "; documents are kept here.";
                }
            }
        } catch (RuntimeException e) {
            closeQuietly(store);
            engines.close();
            throw e;
        }
        UploadSettings upload = UploadSettings.defaults();
        if (edms != null && edms.folderRoot() != null) {
            upload = upload.withFolderRoot(EdmsConnection.parseFolderPath(edms.folderRoot()));
        }
        if (cfg.store() != null && cfg.store().retentionDays() != null) {
            upload = upload.withRetention(Duration.ofDays(cfg.store().retentionDays()));
        }
        List<StationConfig.ScanProfile> profiles = sc == null || sc.profiles() == null ? List.of() : sc.profiles();
        String device = sc == null || sc.defaultDevice() == null ? "demo" : sc.defaultDevice();
        return new Station.Parts(scanner, engines, store, client, upload, edmsName, new LocalAccounts(cfg.users()),
                profiles, device, cfg.stationId() == null ? "scanstation" : cfg.stationId(), work);
    }

    private static BatchStore openStore(StationConfig cfg) throws IOException {
        Path root = cfg.store() != null && cfg.store().path() != null ? Path.of(cfg.store().path())
                : StorePaths.defaultStore();
        KeyFileProvider keys = cfg.store() != null && cfg.store().keyFile() != null
                ? new KeyFileProvider(Path.of(cfg.store().keyFile())) : KeyFileProvider.atDefaultLocation();
        return BatchStore.open(root, keys, Clock.systemUTC(), System.getProperty("user.name", "station"));
    }

    private static void closeQuietly(BatchStore store) {
        try {
            store.close();
        } catch (IOException e) {
            // the store recovers at the next start
        }
    }

    static AnalysisSettings analysisSettings(StationConfig cfg) {
        AnalysisSettings s = AnalysisSettings.defaults();
        StationConfig.Analysis a = cfg.analysis();
        if (a != null) {
            if (a.separators() != null) {
                s = s.withSeparators(a.separators());
            }
            if (a.hospitalNumberPattern() != null) {
                s = s.withHospitalNumberPattern(a.hospitalNumberPattern());
            }
        }
        return s;
    }

    private static PatientIndex loadIndex(StationConfig cfg, Defaults defaults) {
        Path csv = defaults.samples().resolve("patients.csv");
        try {
            // the imported index (patientIndex.store or the default folder), a configured CSV, else the demo's
            java.util.Optional<PatientIndex> configured = PatientIndexes.openConfigured(cfg.patientIndex());
            return configured.isPresent() ? configured.get() : CsvPatientIndex.load(csv);
        } catch (RuntimeException | org.scanstation.match.PatientIndexException e) {
            throw new StationException("The patient index cannot be opened: " + Station.messageOf(e), e);
        }
    }

    /** The EDMS connection the settings describe, with the hospital's trust store when one is set. */
    private static EdmsConnection connection(StationConfig.Edms edms) {
        EdmsConnection c = EdmsConnection.of(edms.cmisUrl(), credentials(edms), edms.plainHttpAllowed());
        return edms.trustStore() == null || edms.trustStore().isBlank() ? c
                : c.withTrustStore(Path.of(edms.trustStore()), null);
    }

    private static EdmsCredentials credentials(StationConfig.Edms edms) {
        if (edms.user() == null) {
            return EdmsCredentials.none();
        }
        String password = null;
        if (edms.passwordEnv() != null) {
            password = System.getenv(edms.passwordEnv());
        }
        if (password == null && edms.passwordFile() != null) {
            try {
                password = Files.readString(Path.of(edms.passwordFile()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new StationException("The EDMS password file " + edms.passwordFile() + " cannot be read.", e);
            }
        }
        return new EdmsCredentials.Basic(edms.user(), password == null ? "" : password);
    }
}
