package org.scanstation.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.config.StationConfig;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.store.IndexGeneration;
import org.scanstation.match.store.IndexHome;
import org.scanstation.match.store.PatientIndexes;

/**
 * Checks the patient index the station would use: it opens, how many patients, when it was imported (a
 * nightly refresh that stopped running shows as an old import), and whether the last import failed.
 */
public final class PatientIndexCheck implements Check {

    static final String NAME = "Patient index";
    private static final Duration STALE = Duration.ofHours(48);

    private final StationConfig.PatientIndexSource source;
    private final Clock clock;

    public PatientIndexCheck(StationConfig.PatientIndexSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public CheckResult run() {
        boolean storeConfigured = source != null && source.store() != null && !source.store().isBlank();
        IndexHome home = IndexHome.at(PatientIndexes.folder(source));
        List<String> details = new ArrayList<>();
        details.add("folder: " + home.dir());
        try {
            if (!storeConfigured && home.current().isEmpty()) {
                if (source != null && source.csv() != null && !source.csv().isBlank()) {
                    Path csv = Path.of(source.csv());
                    return Files.isReadable(csv)
                            ? CheckResult.of(NAME, CheckStatus.OK, "CSV extract " + csv + ", imported at each start")
                            : CheckResult.of(NAME, CheckStatus.FAIL, "the patient index CSV " + csv + " cannot be read");
                }
                return new CheckResult(NAME, CheckStatus.WARN, "no patient index has been imported: the station uses the"
                        + " demo's samples/patients.csv; IT imports the PAS extract with: scanstation index import EXTRACT.csv",
                        details);
            }
            try (IndexGeneration g = home.openCurrent()) {
                String importedAt = g.meta().getOrDefault("imported_at", "?");
                details.add("in use: " + g.file().getFileName() + ", from " + g.meta().getOrDefault("source", "?"));
                String summary = String.format("%,d patients, imported %s", g.size(), importedAt);
                String last = lastImportFailure(home);
                if (last != null) {
                    return new CheckResult(NAME, CheckStatus.WARN, summary + "; the last import was not switched to: " + last,
                            details);
                }
                if (olderThan(importedAt, STALE)) {
                    return new CheckResult(NAME, CheckStatus.WARN, summary + ": more than 2 days ago, is the nightly import"
                            + " running?", details);
                }
                return new CheckResult(NAME, CheckStatus.OK, summary, details);
            }
        } catch (PatientIndexException | RuntimeException e) {
            return new CheckResult(NAME, CheckStatus.FAIL, String.valueOf(e.getMessage()), details);
        }
    }

    private static String lastImportFailure(IndexHome home) {
        try {
            for (String line : Files.readAllLines(home.reportFile())) {
                if (line.strip().startsWith("NOT imported: ")) {
                    return line.strip().substring("NOT imported: ".length());
                }
            }
        } catch (IOException e) {
            // no report yet
        }
        return null;
    }

    private boolean olderThan(String instant, Duration age) {
        try {
            return Instant.parse(instant).plus(age).isBefore(clock.instant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
