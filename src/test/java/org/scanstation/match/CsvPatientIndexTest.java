package org.scanstation.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        CsvPatientIndex index = CsvPatientIndex.load(Path.of("../shared/corpus/public-01/patients.csv"));
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

    @Test
    void quotedFieldsAndBom() throws Exception {
        CsvPatientIndex index = CsvPatientIndex.load(write("\uFEFF" + HEADER
                + "9434765919,K1234567,\"O'NEILL, JR\",Mary,1970-01-02,F,\"LE1 1AA\"\n"));
        assertThat(index.byNhsNumber("9434765919").orElseThrow().familyName()).isEqualTo("O'NEILL, JR");
    }

    @Test
    void searchFindsByNameAndNumbers() throws Exception {
        CsvPatientIndex index = CsvPatientIndex.load(write(HEADER
                + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1 1AA\n"
                + "4010232137,K7654321,SMITHSON,John,1980-05-06,M,LE2 2BB\n"));
        assertThat(index.search("smith", 10)).hasSize(2);
        assertThat(index.search("943 476", 10)).singleElement().extracting(p -> p.givenName()).isEqualTo("Mary");
        assertThat(index.search("K7654321", 10)).singleElement().extracting(p -> p.givenName()).isEqualTo("John");
        assertThat(index.search("  ", 10)).isEmpty();
    }

    @Test
    void missingFileNamesTheFile() {
        assertThatThrownBy(() -> CsvPatientIndex.load(dir.resolve("nope.csv")))
                .isInstanceOf(PatientIndexException.class).hasMessageContaining("nope.csv");
    }

    @Test
    void wrongHeaderIsRejected() throws Exception {
        Path f = write("nhs,name\n1,2\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(f))
                .isInstanceOf(PatientIndexException.class).hasMessageContaining(":1:").hasMessageContaining("nhs_number");
    }

    @Test
    void invalidRowsAreRejectedWithTheirLine() throws Exception {
        Path bad = write(HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\n"
                + "9434765918,K1234568,JONES,Ann,1970-01-02,F,LE1\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(bad)).hasMessageContaining(":3:").hasMessageContaining("NHS number");
        Path date = write(HEADER + "9434765919,K1234567,SMITH,Mary,02/01/1970,F,LE1\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(date)).hasMessageContaining(":2:").hasMessageContaining("date_of_birth");
        Path dup = write(HEADER + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1\n"
                + "9434765919,K1234568,SMITH,Mary,1970-01-02,F,LE1\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(dup)).hasMessageContaining(":3:").hasMessageContaining("twice");
        Path shortRow = write(HEADER + "9434765919,K1234567\n");
        assertThatThrownBy(() -> CsvPatientIndex.load(shortRow)).hasMessageContaining(":2:").hasMessageContaining("fields");
    }
}
