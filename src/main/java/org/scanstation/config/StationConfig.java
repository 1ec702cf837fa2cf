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

    /**
     * The EDMS target. {@code passwordEnv}/{@code passwordFile} say where the secret is, never the secret.
     * {@code allowPlainHttp} (machine-wide file only) lets the station send credentials over {@code http://}
     * to an EDMS that is not on this PC; without it only {@code https://} or a loopback address may be used.
     */
    public record Edms(String cmisUrl, String folderRoot, String user, String passwordEnv, String passwordFile,
                       String trustStore, Boolean offline, Boolean allowPlainHttp) {

        public Edms(String cmisUrl, String folderRoot, String user, String passwordEnv, String passwordFile,
                    String trustStore, Boolean offline) {
            this(cmisUrl, folderRoot, user, passwordEnv, passwordFile, trustStore, offline, null);
        }

        /** True only when IT set {@code allowPlainHttp} to true. */
        public boolean plainHttpAllowed() {
            return Boolean.TRUE.equals(allowPlainHttp);
        }
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

    public record Analysis(List<String> separators, String hospitalNumberPattern) {
    }

    public record Store(String path, String keyFile, Integer retentionDays) {
    }

    /**
     * @param twainDsm the TWAIN Data Source Manager library to load (a path), or null for the platform's
     *                 standard one (TWAINDSM.dll, libtwaindsm.so.2); the environment variable
     *                 SCANSTATION_TWAIN_DSM wins over it
     */
    public record Scanner(String defaultDevice, List<String> saneServers, List<String> esclScanners,
                          List<ScanProfile> profiles, String twainDsm) {
    }

    /** A named set of scan settings a clerk picks from. */
    public record ScanProfile(String name, Integer resolution, String mode, String source) {
    }

    /** A local account. {@code passwordHash} is PBKDF2 ({@link PasswordHash}); role is clerk or supervisor. */
    public record User(String name, String role, String passwordHash) {
    }

    public static StationConfig defaults() {
        return new StationConfig("scanstation", new Edms(null, "/ScanStation", null, null, null, null, true, false),
                new PatientIndexSource(null, null, null),
                new Analysis(List.of("SEPARATOR", "PATCHT"), "[A-Z][0-9]{7}"),
                new Store(null, null, 0),
                new Scanner("demo", List.of("127.0.0.1:6566"), List.of(), List.of(
                        new ScanProfile("Case notes (grey, duplex)", 300, "gray", "duplex"),
                        new ScanProfile("Single sheets (grey, flatbed)", 300, "gray", "flatbed"),
                        new ScanProfile("Colour documents", 300, "color", "adf")), null),
                List.of(), List.of());
    }
}
