package org.scanstation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.model.Patient;

/** The supervisor's search (patient search, "choose another patient"): by name and date of birth, NHS number, hospital number. */
class PatientSearchTest {

    static CsvPatientIndex index;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, CsvPatientIndexTest.HEADER
                + "9434765919,K1234567,SMITH,Mary,1970-01-02,F,LE1 1AA\n"
                + "4010232137,K7654321,SMITHSON,John,1980-05-06,M,LE2 2BB\n"
                + "9996185311,R5142473,SMITH,Mary,1985-07-08,F,LE1 7ZT\n"
                + "9996018407,T0421871,SMITH,John,1970-01-02,M,LE6 8FT\n"
                + "9995778203,S5741631,\"O'NEILL\",Siân,1970-01-02,F,LE16 9RD\n");
        index = CsvPatientIndex.load(f);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static List<String> nhs(String query) {
        return index.search(query, 20).stream().map(p -> p.nhsNumber().digits()).toList();
    }

    @Test
    void nameAndDateOfBirthTellSameNamedPatientsApart() {
        assertThat(nhs("Smith Mary 02/01/1970")).containsExactly("9434765919");
        assertThat(nhs("SMITH, Mary 1985-07-08")).containsExactly("9996185311");
        assertThat(nhs("mary smith")).containsExactlyInAnyOrder("9434765919", "9996185311");
        assertThat(nhs("smith 2/1/1970")).containsExactly("9996018407", "9434765919");
    }

    @Test
    void theStartOfANameFindsLongerNamesOrderedByName() {
        assertThat(index.search("smith", 20)).extracting(Patient::familyName)
                .containsExactly("SMITH", "SMITH", "SMITH", "SMITHSON");
        assertThat(nhs("oneill")).containsExactly("9995778203");
        assertThat(nhs("O'Neill Sian")).as("apostrophes and accents are not needed").containsExactly("9995778203");
    }

    @Test
    void numbersWholeOrTheirStart() {
        assertThat(nhs("943 476 5919")).containsExactly("9434765919");
        assertThat(nhs("999-6")).containsExactly("9996018407", "9996185311");
        assertThat(nhs("999")).containsExactly("9995778203", "9996018407", "9996185311");
        assertThat(nhs("k7654321")).containsExactly("4010232137");
        assertThat(nhs("K76")).containsExactly("4010232137");
    }

    @Test
    void aDateOfBirthAlone() {
        assertThat(nhs("02/01/1970")).containsExactly("9995778203", "9996018407", "9434765919");
    }

    @Test
    void nothingToSearchBy() {
        assertThat(index.search("  ", 10)).isEmpty();
        assertThat(index.search("94", 10)).isEmpty();
        assertThat(index.search("smith", 2)).hasSize(2);
    }
}
