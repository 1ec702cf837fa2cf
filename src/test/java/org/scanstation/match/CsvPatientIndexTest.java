package org.scanstation.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --patients FILE.csv}: the extract loaded strictly into a store in memory, errors with file, line and field
 * (that nothing reaches a temporary folder: {@code match.store.IndexLeavesNothingInTempFolderTest}).
 */
class CsvPatientIndexTest {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode\n";

    @TempDir
    Path dir;

    Path write(String content) throws Exception {
        Path f = dir.resolve("patients.csv");
        Files.writeString(f, content);
        return f;
    }

    @Test
    void loadsTheSharedCorpusIndex() throws Exception {
        try (CsvPatientIndex index = CsvPatientIndex.load(Path.of("../shared/corpus/public-01/patients.csv"))) {
            assertThat(index.size()).isEqualTo(360);
            assertThat(index.byNhsNumber("9996185311")).hasValueSatisfying(p -> {
                assertThat(p.familyName()).isEqualTo("KING");
                assertThat(p.givenName()).isEqualTo("William");
                assertThat(p.dateOfBirth()).isEqualTo(LocalDate.of(2008, 3, 1));
                assertThat(p.mrn()).isEqualTo("R5142473");
            });
            assertThat(index.byHospitalNumber("r5142473")).isPresent();
            assertThat(index.byNhsNumber("9990000018")).isEmpty();
        }
    }

    @Test
    void quotedFieldsAndBom() throws Exception {
        try (CsvPatientIndex index = CsvPatientIndex.load(write("\uFEFF" + HEADER
                + "9434765919,K1234567,\"O'NEILL, JR\",Mary,1970-01-02,F,\"LE1 1AA\"\n"))) {
            assertThat(index.byNhsNumber("9434765919").orElseThrow().familyName()).isEqualTo("O'NEILL, JR");
        }
    }

    @Test
    void closingReleasesTheIndexAndLaterLookUpsFailInWords() throws Exception {
        Path csv = write(HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1 1AA\n");
        CsvPatientIndex index = CsvPatientIndex.load(csv);
        assertThat(index.byNhsNumber("9434765919")).isPresent();
        index.close();
        assertThatThrownBy(() -> index.byNhsNumber("9434765919"))
                .isInstanceOf(PatientIndexUnavailableException.class).hasMessageContaining("patients.csv");
    }

    @Test
    void missingFileNamesTheFile() {
        assertThatThrownBy(() -> CsvPatientIndex.load(dir.resolve("nope.csv")))
                .isInstanceOf(PatientIndexException.class).hasMessageContaining("nope.csv");
    }

    @Test
    void wrongHeaderIsRejectedNamingTheColumn() throws Exception {
        Path f = write("nhs,name\n1,2\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(f))
                .isInstanceOf(PatientIndexException.class).hasMessageContaining("patients.csv:1: nhs_number: missing column");
    }

    @Test
    void everyRefusedRowIsNamedWithFileLineAndFieldAndCounted() throws Exception {
        Path bad = write(HEADER
                + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\n"
                + "9434765918,K1234568,JONES,Ann,1970-01-02,F,LE1\n"
                + "9990000018,K1234569,BROWN,Ann,02/01/1970,F,LE1\n"
                + "4010232137,K1234570\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(bad))
                .hasMessageContaining("3 rows refused")
                .hasMessageContaining("1 with an invalid NHS number")
                .hasMessageContaining("patients.csv:3: nhs_number: 943 476 5918 fails the NHS number check digit")
                .hasMessageContaining("patients.csv:4: date_of_birth: '02/01/1970' is not a date (yyyy-MM-dd)")
                .hasMessageContaining("patients.csv:5: family_name: missing: the row has 2 fields, the header 7");
    }

    @Test
    void latin1ExtractIsDetectedAndReadCorrectly() throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, (HEADER + "9434765919,K1234567,BRONTË,Zoë,1970-01-02,F,LE1 1AA\n").getBytes(StandardCharsets.ISO_8859_1));
        try (CsvPatientIndex index = CsvPatientIndex.load(f)) {
            assertThat(index.byNhsNumber("9434765919").orElseThrow().givenName()).isEqualTo("Zoë");
            assertThat(index.search("bronte", 5)).singleElement().extracting(p -> p.familyName()).isEqualTo("BRONTË");
        }
    }
}
