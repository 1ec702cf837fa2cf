package org.scanstation.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.config.StationConfig;
import org.scanstation.match.store.ImportOptions;
import org.scanstation.match.store.IndexHome;
import org.scanstation.match.store.IndexImporter;

/** doctor's view of the patient index: in use, stale, last import failed, missing. */
class PatientIndexCheckTest {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\n";

    @TempDir
    Path dir;

    @Test
    void anImportedIndexItsAgeAndAFailedLastImport() throws Exception {
        Path folder = dir.resolve("index");
        Path csv = dir.resolve("pas.csv");
        Files.writeString(csv, HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\n");
        Instant imported = Instant.parse("2026-12-01T02:00:00Z");
        IndexImporter.importExtract(IndexHome.at(folder), csv, ImportOptions.strict().withClock(Clock.fixed(imported, ZoneOffset.UTC)));
        StationConfig.PatientIndexSource source = new StationConfig.PatientIndexSource(null, folder.toString(), null);

        CheckResult fresh = new PatientIndexCheck(source, Clock.fixed(imported.plus(Duration.ofHours(5)), ZoneOffset.UTC)).run();
        assertThat(fresh.status()).isEqualTo(CheckStatus.OK);
        assertThat(fresh.summary()).isEqualTo("1 patients, imported 2026-12-01T02:00:00Z");

        CheckResult stale = new PatientIndexCheck(source, Clock.fixed(imported.plus(Duration.ofDays(3)), ZoneOffset.UTC)).run();
        assertThat(stale.status()).isEqualTo(CheckStatus.WARN);
        assertThat(stale.summary()).contains("is the nightly import running?");

        Files.writeString(csv, HEADER + "9434765918,K1234567,SMITH,Mary,1970-01-02,F,LE1\n");
        try {
            IndexImporter.importExtract(IndexHome.at(folder), csv, ImportOptions.strict());
        } catch (Exception expected) {
            // the check digit fails: not switched to
        }
        CheckResult failed = new PatientIndexCheck(source, Clock.fixed(imported.plus(Duration.ofHours(5)), ZoneOffset.UTC)).run();
        assertThat(failed.status()).isEqualTo(CheckStatus.WARN);
        assertThat(failed.summary()).contains("the last import was not switched to: 1 rows refused");
    }

    @Test
    void aConfiguredFolderWithNothingImportedFails() {
        CheckResult r = new PatientIndexCheck(new StationConfig.PatientIndexSource(null, dir.resolve("none").toString(), null),
                Clock.systemUTC()).run();
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).contains("no patient index has been imported").contains("scanstation index import");
    }
}
