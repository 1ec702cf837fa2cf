package org.scanstation.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The station's settings: IT's machine-wide file ({@code /etc/scanstation/station.json},
 * {@code %ProgramData%\ScanStation\station.json}) overlaid by the user's own file, except for the
 * settings IT lists in {@code locked}. Every section and field is optional; missing ones take the
 * defaults of {@link #defaults()}. Credentials are never stored here: only a reference to where they
 * are (an environment variable or a protected file).
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record StationConfig(String stationId, Edms edms, PatientIndexSource patientIndex, Analysis analysis,
                            Store store, Scanner scanner, List<User> users, List<String> locked) {

    /** The EDMS target. {@code passwordEnv}/{@code passwordFile} say where the secret is, never the secret. */
    public record Edms(String cmisUrl, String folderRoot, String user, String passwordEnv, String passwordFile,
                       String trustStore, Boolean offline) {
    }

    /**
     * Where patients are looked up: {@code store}, the folder of the index IT imports the PAS extract into
     * ({@code scanstation index import}; null: the platform's default folder), else {@code csv}, an extract
     * imported into a temporary store at each start (small indexes). {@code charset}: the extract's
     * character set when it cannot be detected (null: detect).
     */
    public record PatientIndexSource(String csv, String store, String charset) {
        public PatientIndexSource(String csv) {
            this(csv, null, null);
        }
    }

    public record Analysis(List<String> separators, String hospitalNumberPattern, Boolean unreadableBarcodeNeedsReview) {
    }

    public record Store(String path, String keyFile, Integer retentionDays) {
    }

    public record Scanner(String defaultDevice, List<String> saneServers, List<String> esclScanners,
                          List<ScanProfile> profiles) {
    }

    /** A named set of scan settings a clerk picks from. */
    public record ScanProfile(String name, Integer resolution, String mode, String source, Boolean skipBlankPages,
                              Boolean useSeparators) {
    }

    /** A local account. {@code passwordHash} is PBKDF2 ({@link PasswordHash}); role is clerk or supervisor. */
    public record User(String name, String role, String passwordHash) {
    }

    public static StationConfig defaults() {
        return new StationConfig("scanstation", new Edms(null, "/ScanStation", null, null, null, null, true),
                new PatientIndexSource(null, null, null),
                new Analysis(List.of("SEPARATOR", "PATCHT"), "[A-Z][0-9]{7}", true),
                new Store(null, null, 0),
                new Scanner("demo", List.of("127.0.0.1:6566"), List.of(), List.of(
                        new ScanProfile("Case notes (grey, duplex)", 300, "gray", "duplex", true, true),
                        new ScanProfile("Single sheets (grey, flatbed)", 300, "gray", "flatbed", true, true),
                        new ScanProfile("Colour documents", 300, "color", "adf", true, true))),
                List.of(), List.of());
    }
}
