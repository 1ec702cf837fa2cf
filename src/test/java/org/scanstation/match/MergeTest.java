package org.scanstation.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.match.IdentifierRead.Kind;
import org.scanstation.match.IdentifierRead.Source;
import org.scanstation.ocr.LabelReading;

/**
 * Merged registrations: a page carrying a retired identifier is never filed to the retired record nor
 * filed automatically, and says why in words; a page identifying the surviving patient is filed as usual.
 */
class MergeTest {

    static final String HEADER = "nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode,"
            + "merged_into_nhs_number,merged_into_mrn,merged_on\n";
    // KING William survives; his duplicate registration R1111111 (same NHS number) and an old NHS number
    // 401 023 2137 (with hospital number R2222222) were merged into him; 943 476 5919 was merged into the
    // retired 401 023 2137 (a chain, followed to the survivor).
    static final String EXTRACT = HEADER
            + "9996185311,R5142473,KING,William,2008-03-01,M,LE1 7ZT,,,\n"
            + "9996185311,R1111111,KING,William,2008-03-01,M,LE1 7ZT,,R5142473,2025-02-03\n"
            + "4010232137,R2222222,KING,Bill,2008-03-01,M,LE1 7ZT,9996185311,,2024-11-30\n"
            + "9434765919,,KING,W,2008-03-01,M,,4010232137,,2023-06-01\n"
            + "9995778203,S5741631,JOHNSON,Michael,1989-01-10,M,LE16 9RD,,,\n";

    static CsvPatientIndex index;
    static MatchPolicy policy;

    @BeforeAll
    static void load(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pas.csv");
        Files.writeString(f, EXTRACT);
        index = CsvPatientIndex.load(f);
        policy = new MatchPolicy(index);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static LabelReading kingLabel(String nhs, String mrn) {
        return new LabelReading(new Rectangle(100, 100, 800, 400), "", "KING", "William", LocalDate.of(2008, 3, 1), nhs, mrn, 90f);
    }

    @Test
    void retiredIdentifiersAreNotLiveButKnownWithTheirSurvivor() {
        assertThat(index.size()).isEqualTo(2);
        assertThat(index.byHospitalNumber("R1111111")).as("no retired record to file to").isEmpty();
        assertThat(index.byNhsNumber("4010232137")).isEmpty();
        assertThat(index.retired(Kind.HOSPITAL_NUMBER, "r1111111")).hasValueSatisfying(r -> {
            assertThat(r.survivor().mrn()).isEqualTo("R5142473");
            assertThat(r.describe()).isEqualTo("hospital number R1111111 was merged into R5142473 on 03/02/2025");
        });
        assertThat(index.retired(Kind.NHS_NUMBER, "9434765919")).as("chain followed to the survivor")
                .hasValueSatisfying(r -> assertThat(r.survivor().nhsNumber().digits()).isEqualTo("9996185311"));
        assertThat(index.retired(Kind.NHS_NUMBER, "9996185311")).as("a live number is not retired").isEmpty();
    }

    @Test
    void aPageWithARetiredHospitalNumberGoesToReviewWithTheMergeInWords() {
        var d = policy.decide(new PageEvidence(List.of(
                new IdentifierRead(Kind.HOSPITAL_NUMBER, "R1111111", Source.BARCODE, 0),
                new IdentifierRead(Kind.NHS_NUMBER, "9996185311", Source.LABEL_TEXT, 0)),
                List.of(kingLabel("9996185311", "R1111111")), 0));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons()).contains("hospital number R1111111 was merged into R5142473 on 03/02/2025 (barcode)");
        assertThat(((MatchDecision.NeedsReview) d).candidate().mrn()).isEqualTo("R5142473");
    }

    @Test
    void aPageWithARetiredNhsNumberGoesToReviewToo() {
        var d = policy.decide(new PageEvidence(List.of(
                new IdentifierRead(Kind.NHS_NUMBER, "4010232137", Source.BARCODE, 0)),
                List.of(kingLabel("4010232137", null)), 0));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).isEqualTo("NHS number 401 023 2137 was merged into 999 618 5311 on 30/11/2024 (barcode)");
        assertThat(d.identityKeys()).containsExactly("patient:9996185311");
    }

    @Test
    void aPageIdentifyingTheSurvivingPatientIsFiledAsUsual() {
        var d = policy.decide(new PageEvidence(List.of(
                new IdentifierRead(Kind.NHS_NUMBER, "9996185311", Source.BARCODE, 0),
                new IdentifierRead(Kind.HOSPITAL_NUMBER, "R5142473", Source.LABEL_TEXT, 0)),
                List.of(kingLabel("9996185311", "R5142473")), 0));
        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).patient().mrn()).isEqualTo("R5142473");
    }

    @Test
    void aRetiredNumberBesideAnotherPatientsNumberIsTwoPatients() {
        var d = policy.decide(new PageEvidence(List.of(
                new IdentifierRead(Kind.HOSPITAL_NUMBER, "R1111111", Source.BARCODE, 0),
                new IdentifierRead(Kind.NHS_NUMBER, "9995778203", Source.LABEL_TEXT, 0)), List.of(), 0));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).startsWith("the page identifies 2 different patients");
    }

    @Test
    void contradictoryMergesAreRefusedWithTheirLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, HEADER
                + "9996185311,R5142473,KING,William,2008-03-01,M,LE1 7ZT,,,\n"
                + "9995778203,S5741631,JOHNSON,Michael,1989-01-10,M,LE16 9RD,,,\n"
                + "4010232137,S5741631,KING,Bill,2008-03-01,M,LE1,9996185311,,2024-11-30\n"   // retires a live MRN
                + "9434765919,,KING,W,2008-03-01,M,,9990000018,,2023-06-01\n"                  // survivor not in the extract
                + "9996185311,R5142473,KING,William,2008-03-01,M,LE1,,R5142473,2023-06-01\n"); // retires nothing
        assertThatThrownBy(() -> CsvPatientIndex.load(f)).isInstanceOf(PatientIndexException.class)
                .hasMessageContaining("4 rows refused (4 with a merge that cannot be applied)")
                .hasMessageContaining("bad.csv:3: mrn: hospital number S5741631 is retired by the merge on line 4: neither row is used")
                .hasMessageContaining("bad.csv:4: mrn: hospital number S5741631 is retired by this merge but is still the live"
                        + " patient's on line 3")
                .hasMessageContaining("bad.csv:5: merged_into_nhs_number: NHS number 999 000 0018 is not a live patient")
                .hasMessageContaining("bad.csv:6: merged_into_nhs_number: nothing is retired");
    }
}
