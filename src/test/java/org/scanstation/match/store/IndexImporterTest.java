package org.scanstation.match.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.match.PatientIndexException;
import org.scanstation.samples.SyntheticPatients;

/** Imports and nightly refreshes: counted refusals, changes reported, and a failed refresh never replacing a good index. */
class IndexImporterTest {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\n";
    static final String SMITH = "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1 1AA\n";
    static final String BROWN = "4010232137,K7654321,BROWN,John,1980-05-06,M,LE2 2BB\n";
    static final String KING = "9996185311,R5142473,KING,William,2008-03-01,M,LE1 7ZT\n";

    @TempDir
    Path dir;

    Path csv(String name, String content) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, content);
        return f;
    }

    IndexHome home() {
        return IndexHome.at(dir.resolve("index"));
    }

    @Test
    void aRefreshReportsPatientsAddedChangedAndRemovedAndStationsSwitchWithoutRestart() throws Exception {
        IndexImporter.importExtract(home(), csv("v1.csv", HEADER + SMITH + BROWN + KING), ImportOptions.strict());
        try (LivePatientIndex live = LivePatientIndex.open(home(), Duration.ZERO)) {
            assertThat(live.byNhsNumber("4010232137")).isPresent();
            ImportReport report = IndexImporter.importExtract(home(), csv("v2.csv", HEADER
                    + SMITH.replace("LE1 1AA", "LE9 9ZZ") + KING + "9990000018,K0000001,GREEN,Ann,1990-01-01,F,LE3\n"),
                    ImportOptions.strict().withMaxRemovedPercent(50));
            assertThat(report.switched()).isTrue();
            assertThat(report.changes()).isEqualTo(new IndexChanges(1, 1, 1, 0, 3));
            assertThat(String.join("\n", report.describe())).contains("1 patients added, 1 changed, 1 removed");
            assertThat(live.byNhsNumber("4010232137")).as("removed, seen without a restart").isEmpty();
            assertThat(live.byNhsNumber("9434765919").orElseThrow().postcode()).isEqualTo("LE9 9ZZ");
            assertThat(live.size()).isEqualTo(3);
        }
        assertThat(Files.readString(home().reportFile())).contains("switched to gen-");
    }

    @Test
    void aRefreshThatFailsHalfWayLeavesTheIndexInUseAsItWas() throws Exception {
        IndexImporter.importExtract(home(), csv("v1.csv", HEADER + SMITH + BROWN), ImportOptions.strict());
        String before = Files.readString(home().pointerFile());
        // a large extract, valid for 1500 rows, then a byte that is not UTF-8: reading stops half way
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        big.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        List<String> rows = SyntheticPatients.rows(3000, 7);
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i) + "\n";
            big.writeBytes(i == 1500 ? row.replaceFirst(",[A-Z]+,", ",GR\u00c9GOIRE,").getBytes(StandardCharsets.ISO_8859_1)
                    : row.getBytes(StandardCharsets.UTF_8));
        }
        Path v2 = dir.resolve("v2.csv");
        Files.write(v2, big.toByteArray());
        try (LivePatientIndex live = LivePatientIndex.open(home(), Duration.ZERO)) {
            assertThatThrownBy(() -> IndexImporter.importExtract(home(), v2,
                    ImportOptions.strict().withCharset(StandardCharsets.UTF_8)))
                    .isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("v2.csv:1502: family_name: byte 0xC9 is not valid UTF-8")
                    .hasMessageContaining("stays in use");
            assertThat(Files.readString(home().pointerFile())).isEqualTo(before);
            assertThat(live.byNhsNumber("4010232137")).isPresent();
            assertThat(live.size()).isEqualTo(2);
        }
        assertThat(generationFiles()).hasSize(1);
        assertThat(Files.readString(home().reportFile())).contains("NOT imported").contains("v2.csv:1502");
    }

    @Test
    void refusedRowsAreCountedByKindAndListedWithFileLineAndField() throws Exception {
        Path extract = csv("pas.csv", HEADER + SMITH + BROWN
                + "9434765918,K0000002,JONES,Ann,1970-01-02,F,LE1\n"        // 4: check digit
                + "9996185311,R5142473,KING,William,2008-03-01,M,LE1,X\n"  // 5: extra field
                + "9990000018,K0000003,GREEN\n"                            // 6: missing fields
                + "9434765919,K0000004,SMITH,Molly,1971-01-02,F,LE1\n"     // 7: duplicate NHS number of line 2
                + "4010232137X,K0000005,WHITE,Ann,1970-01-02,F,LE1\n");    // 8: not ten digits
        assertThatThrownBy(() -> IndexImporter.importExtract(home(), extract, ImportOptions.strict()))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("6 rows refused (2 with an invalid NHS number, 2 with a duplicate NHS number,"
                        + " 1 with missing fields, 1 with extra fields), more than the 0 allowed");
        assertThat(home().current()).isEmpty();

        ImportReport report = IndexImporter.importExtract(home(), extract, ImportOptions.strict().withMaxRefusedRows(10));
        assertThat(report.patients()).isEqualTo(1);
        assertThat(report.refusedRows()).isEqualTo(6);
        assertThat(Files.readAllLines(home().refusedFile())).containsExactly(
                extract + ":2: nhs_number: NHS number 943 476 5919 appears on 2 rows (lines 2, 7): none of them is used",
                extract + ":4: nhs_number: 943 476 5918 fails the NHS number check digit",
                extract + ":5: column 8: an extra field ('X'); the header has 7 columns",
                extract + ":6: given_name: missing: the row has 3 fields, the header 7 (no given_name, date_of_birth, sex, postcode)",
                extract + ":7: nhs_number: NHS number 943 476 5919 appears on 2 rows (lines 2, 7): none of them is used",
                extract + ":8: nhs_number: '4010232137X' is not an NHS number (ten digits)");
        try (LivePatientIndex live = LivePatientIndex.open(home())) {
            assertThat(live.byNhsNumber("9434765919")).as("neither duplicate is used").isEmpty();
            assertThat(live.byNhsNumber("4010232137")).isPresent();
        }
    }

    @Test
    void aDuplicateHospitalNumberRefusesBothRows() throws Exception {
        ImportReport report = IndexImporter.importExtract(home(), csv("pas.csv", HEADER + SMITH + BROWN.replace("K7654321", "K1234567") + KING),
                ImportOptions.strict().withMaxRefusedRows(2));
        assertThat(report.refusedCounts()).isEqualTo("2 with a duplicate hospital number");
        assertThat(report.patients()).isEqualTo(1);
    }

    @Test
    void aTruncatedExtractDoesNotReplaceTheIndex() throws Exception {
        StringBuilder full = new StringBuilder(HEADER);
        SyntheticPatients.rows(200, 3).forEach(r -> full.append(r).append('\n'));
        IndexImporter.importExtract(home(), csv("full.csv", full.toString()), ImportOptions.strict());
        String half = full.substring(0, full.length() / 2);
        half = half.substring(0, half.lastIndexOf('\n') + 1);
        Path truncated = csv("half.csv", half);
        assertThatThrownBy(() -> IndexImporter.importExtract(home(), truncated, ImportOptions.strict()))
                .hasMessageContaining("it would remove")
                .hasMessageContaining("a truncated extract?");
        try (LivePatientIndex live = LivePatientIndex.open(home())) {
            assertThat(live.size()).isEqualTo(200);
        }
        assertThat(IndexImporter.importExtract(home(), truncated, ImportOptions.strict().withMaxRemovedPercent(60)).switched()).isTrue();
    }

    @Test
    void aGenerationLeftByAKilledImportIsTidiedAwayByTheNextOne() throws Exception {
        IndexImporter.importExtract(home(), csv("v1.csv", HEADER + SMITH), ImportOptions.strict());
        Path stray = home().fileOf("gen-20000101T000000Z-dead");
        Files.writeString(stray, "half written");
        IndexImporter.importExtract(home(), csv("v2.csv", HEADER + SMITH + BROWN), ImportOptions.strict());
        assertThat(stray).doesNotExist();
        assertThat(generationFiles()).hasSize(2); // the current one and the one before
    }

    @Test
    void aSecondImportAtTheSameTimeIsRefused() throws Exception {
        try (IndexHome.ImportLock lock = home().lock()) {
            assertThatThrownBy(() -> IndexImporter.importExtract(home(), csv("v1.csv", HEADER + SMITH), ImportOptions.strict()))
                    .isInstanceOf(PatientIndexException.class).hasMessageContaining("another import");
        }
    }

    @Test
    void aDamagedStoreIsRefusedWithAPlainMessage() throws Exception {
        IndexImporter.importExtract(home(), csv("v1.csv", HEADER + SMITH + BROWN), ImportOptions.strict());
        Path file = home().fileOf(home().current().orElseThrow().generation());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> LivePatientIndex.open(home())).isInstanceOf(PatientIndexException.class)
                .hasMessageContaining("is damaged").hasMessageContaining("import the extract again");
        byte[] garbage = new byte[bytes.length];
        java.util.Arrays.fill(garbage, (byte) 'x');
        Files.write(file, garbage);
        assertThatThrownBy(() -> LivePatientIndex.open(home())).isInstanceOf(PatientIndexException.class)
                .hasMessageContaining("is damaged or not an index");
    }

    @Test
    void aFolderNameWithSpacesHashAndPercentWorks() throws Exception {
        IndexHome odd = IndexHome.at(dir.resolve("patient index #2 100%"));
        IndexImporter.importExtract(odd, csv("v1.csv", HEADER + SMITH), ImportOptions.strict());
        ImportReport refresh = IndexImporter.importExtract(odd, csv("v2.csv", HEADER + SMITH + BROWN), ImportOptions.strict());
        assertThat(refresh.changes().added()).isEqualTo(1);
        try (LivePatientIndex live = LivePatientIndex.open(odd)) {
            assertThat(live.size()).isEqualTo(2);
        }
    }

    @Test
    void noImportYetSaysHowToImport() {
        assertThatThrownBy(() -> LivePatientIndex.open(home())).isInstanceOf(PatientIndexException.class)
                .hasMessageContaining("no patient index has been imported").hasMessageContaining("scanstation index import");
    }

    private List<Path> generationFiles() throws Exception {
        try (Stream<Path> s = Files.list(home().generations())) {
            return s.toList();
        }
    }
}
