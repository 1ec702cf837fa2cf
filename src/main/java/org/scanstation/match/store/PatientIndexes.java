package org.scanstation.match.store;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Locale;
import org.scanstation.config.StationConfig;
import org.scanstation.match.CsvPatientIndex;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.extract.ExtractCharset;

/**
 * Which patient index a station or a command uses: the configured index folder ({@code patientIndex.store}),
 * else a configured CSV extract ({@code patientIndex.csv}), else the platform's default folder when IT has
 * imported an index there.
 */
public final class PatientIndexes {

    private PatientIndexes() {
    }

    /**
     * /var/lib/scanstation/patient-index; %ProgramData%\ScanStation\patient-index on Windows (the system
     * property {@code scanstation.patientIndex} overrides it, for tests and unusual installations).
     */
    public static Path defaultFolder() {
        String override = System.getProperty("scanstation.patientIndex");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String programData = System.getenv().getOrDefault("ProgramData", "C:\\ProgramData");
            return Path.of(programData, "ScanStation", "patient-index");
        }
        if (os.startsWith("mac")) {
            return Path.of("/Library/Application Support/ScanStation/patient-index");
        }
        return Path.of("/var/lib/scanstation/patient-index");
    }

    /** The folder {@code index import} writes to and stations read: the configured one, else the default. */
    public static Path folder(StationConfig.PatientIndexSource source) {
        return source != null && source.store() != null && !source.store().isBlank()
                ? Path.of(source.store()) : defaultFolder();
    }

    /** The declared character set of the extract, or null to detect it. */
    public static Charset charset(StationConfig.PatientIndexSource source) throws PatientIndexException {
        if (source == null || source.charset() == null || source.charset().isBlank()) {
            return null;
        }
        try {
            return ExtractCharset.named(source.charset());
        } catch (IllegalArgumentException e) {
            throw new PatientIndexException("patientIndex.charset: " + e.getMessage());
        }
    }

    /**
     * Opens the configured index, or empty when nothing is configured and nothing was imported into the
     * default folder (the caller decides what then).
     */
    public static java.util.Optional<PatientIndex> openConfigured(StationConfig.PatientIndexSource source)
            throws PatientIndexException {
        if (source != null && source.store() != null && !source.store().isBlank()) {
            return java.util.Optional.of(LivePatientIndex.open(IndexHome.at(Path.of(source.store()))));
        }
        if (source != null && source.csv() != null && !source.csv().isBlank()) {
            return java.util.Optional.of(CsvPatientIndex.load(Path.of(source.csv()), charset(source)));
        }
        IndexHome home = IndexHome.at(defaultFolder());
        if (home.current().isPresent()) {
            return java.util.Optional.of(LivePatientIndex.open(home));
        }
        return java.util.Optional.empty();
    }
}
