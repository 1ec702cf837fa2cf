package org.scanstation.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scanstation.match.IdentifierRead.Kind;
import org.scanstation.match.IdentifierRead.Source;
import org.scanstation.ocr.LabelReading;

/** The safety rules, one scenario a supervisor would recognise per test. */
class MatchPolicyTest {

    static PatientIndex index;
    static MatchPolicy policy;

    @BeforeAll
    static void index(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, CsvPatientIndexTest.HEADER
                + "9996185311,R5142473,KING,William,2008-03-01,M,LE1 7ZT\n"
                + "9996018407,T0421871,KING,Aisha,1954-07-04,F,LE6 8FT\n"
                + "9995778203,S5741631,JOHNSON,Michael,1989-01-10,M,LE16 9RD\n");
        index = CsvPatientIndex.load(f);
        policy = new MatchPolicy(index);
    }

    static IdentifierRead nhs(String v, Source s) {
        return new IdentifierRead(Kind.NHS_NUMBER, v, s, 0);
    }

    static IdentifierRead mrn(String v, Source s) {
        return new IdentifierRead(Kind.HOSPITAL_NUMBER, v, s, 0);
    }

    static LabelReading label(String family, String given, LocalDate dob, String nhs, String mrn) {
        return new LabelReading(new java.awt.Rectangle(100, 100, 800, 400), "", family, given, dob, nhs, mrn, 90f);
    }

    static PageEvidence evidence(List<IdentifierRead> ids, List<LabelReading> labels) {
        return new PageEvidence(ids, labels, 0);
    }

    @Test
    void barcodeCorroboratedByLabelIsFiled() {
        var d = policy.decide(evidence(
                List.of(nhs("9996185311", Source.BARCODE), nhs("9996185311", Source.LABEL_TEXT), mrn("R5142473", Source.LABEL_TEXT)),
                List.of(label("KING", "William", LocalDate.of(2008, 3, 1), "9996185311", "R5142473"))));
        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(((MatchDecision.Matched) d).patient().givenName()).isEqualTo("William");
        assertThat(d.confidence()).isGreaterThan(0.9);
        assertThat(d.reasons()).anyMatch(r -> r.contains("in the index"));
    }

    @Test
    void oneOcrSlipInTheNameStillAgrees() {
        var d = policy.decide(evidence(List.of(mrn("S5741631", Source.BARCODE)),
                List.of(label("JOHNS0N", "Michael", LocalDate.of(1989, 1, 10), null, null))));
        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
    }

    @Test
    void aLoneIdentifierIsNotEnough() {
        var d = policy.decide(evidence(List.of(nhs("9996185311", Source.BARCODE)), List.of()));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(((MatchDecision.NeedsReview) d).candidate().givenName()).isEqualTo("William");
        assertThat(d.reasons().get(0)).contains("corroborates");
    }

    @Test
    void barcodeAndPrintedLabelDisagree() {
        var d = policy.decide(evidence(
                List.of(nhs("9996185311", Source.BARCODE), nhs("9995778203", Source.LABEL_TEXT)),
                List.of(label("JOHNSON", "Michael", LocalDate.of(1989, 1, 10), "9995778203", null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).contains("2 different patients");
    }

    @Test
    void nearDuplicateNameWithTheSameFamilyNameIsAConflict() {
        // Barcode says KING William; the printed label says KING Aisha.
        var d = policy.decide(evidence(List.of(nhs("9996185311", Source.BARCODE)),
                List.of(label("KING", "Aisha", LocalDate.of(1954, 7, 4), null, null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons()).anyMatch(r -> r.contains("given name 'Aisha'"));
        assertThat(d.reasons()).anyMatch(r -> r.contains("date of birth 04/07/1954"));
    }

    @Test
    void invalidCheckDigitGoesToReviewEvenWhenTheHospitalNumberIsKnown() {
        var d = policy.decide(evidence(
                List.of(nhs("9990160179", Source.BARCODE), mrn("R5142473", Source.LABEL_TEXT)),
                List.of(label("KING", "William", LocalDate.of(2008, 3, 1), "9990160179", "R5142473"))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).contains("fails the NHS number check digit");
    }

    @Test
    void patientNotInIndex() {
        var d = policy.decide(evidence(List.of(nhs("9434765919", Source.BARCODE)),
                List.of(label("SMITH", "Jane", LocalDate.of(1970, 1, 1), "9434765919", null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).contains("not in the patient index");
        assertThat(((MatchDecision.NeedsReview) d).candidate()).isNull();
    }

    @Test
    void twoLabelsOfDifferentPatients() {
        var d = policy.decide(evidence(
                List.of(nhs("9996185311", Source.BARCODE), nhs("9995778203", Source.BARCODE)),
                List.of(label("KING", "William", LocalDate.of(2008, 3, 1), "9996185311", null),
                        label("JOHNSON", "Michael", LocalDate.of(1989, 1, 10), "9995778203", null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.identityKeys()).contains("patient:9996185311", "patient:9995778203");
    }

    @Test
    void unreadableLabel() {
        var d = policy.decide(evidence(List.of(), List.of(label(null, null, null, null, null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons()).contains("a patient label was found but could not be read");
    }

    @Test
    void nameAndBirthDateWithoutAnIdentifierNeverMatch() {
        var d = policy.decide(evidence(List.of(), List.of(label("KING", "William", LocalDate.of(2008, 3, 1), null, null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).contains("no NHS or hospital number");
    }

    @Test
    void undecodableBarcodeBesideALabelIsReviewed() {
        var d = policy.decide(new PageEvidence(
                List.of(nhs("9996185311", Source.LABEL_TEXT), mrn("R5142473", Source.LABEL_TEXT)),
                List.of(label("KING", "William", LocalDate.of(2008, 3, 1), "9996185311", "R5142473")), 1));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        assertThat(d.reasons().get(0)).contains("could not be read");
        var lenient = new MatchPolicy(index, false).decide(new PageEvidence(
                List.of(nhs("9996185311", Source.LABEL_TEXT), mrn("R5142473", Source.LABEL_TEXT)),
                List.of(label("KING", "William", LocalDate.of(2008, 3, 1), "9996185311", "R5142473")), 1));
        assertThat(lenient).isInstanceOf(MatchDecision.Matched.class);
    }

    @Test
    void silentPageHasNoIdentity() {
        assertThat(policy.decide(PageEvidence.none())).isInstanceOf(MatchDecision.NoIdentity.class);
    }

    @Test
    void aLetterReLineCorroboratesLikeALabel() {
        var body = new LabelReading(null, "", null, null, LocalDate.of(2008, 3, 1), null, null, 80f);
        var d = policy.decide(evidence(List.of(nhs("9996185311", Source.PAGE_TEXT)), List.of(body)));
        assertThat(d).isInstanceOf(MatchDecision.Matched.class);
        assertThat(d.reasons()).anyMatch(r -> r.contains("page text date of birth agrees"));
        var other = new LabelReading(null, "", null, null, LocalDate.of(1989, 1, 10), null, null, 80f);
        assertThat(policy.decide(evidence(List.of(nhs("9996185311", Source.PAGE_TEXT)), List.of(other))))
                .isInstanceOf(MatchDecision.NeedsReview.class);
    }

    @Test
    void aDateInALetterWithNoIdentifierSaysNothing() {
        var body = new LabelReading(null, "", null, null, LocalDate.of(2008, 3, 1), null, null, 80f);
        assertThat(policy.decide(evidence(List.of(), List.of(body)))).isInstanceOf(MatchDecision.NoIdentity.class);
    }

    @Test
    void ocrLookAlikesAreForgivenButNotOtherLetters() {
        assertThat(NameComparison.same("JOHNS0N", "JOHNSON")).isTrue();
        assertThat(NameComparison.same("WiIliam", "William")).isTrue();
        assertThat(NameComparison.same("Wi11iam", "William")).isTrue();
        assertThat(NameComparison.same("O'NEILL", "Oneill")).isTrue();
        assertThat(NameComparison.same("Katherine", "Catherine")).isFalse();
        assertThat(NameComparison.same("Jon", "John")).isFalse();
        assertThat(NameComparison.same("", "John")).isFalse();
        assertThat(NameComparison.sameGivenName("Irene aa", "Irene")).isTrue();
        assertThat(NameComparison.sameFamilyName("WILSON f", "Wilson")).isTrue();
        assertThat(NameComparison.sameFamilyName("WILSON SMITH", "Wilson")).isFalse();
        assertThat(NameComparison.sameFamilyName("DE LA CRUZ", "de la Cruz")).isTrue();
        assertThat(NameComparison.sameGivenName("Mary Ann", "Mary")).isTrue();
        assertThat(NameComparison.sameGivenName("Ann Mary", "Mary")).isFalse();
    }

    @Test
    void aTwinsLabelOnTheOtherTwinsBarcodeIsAConflict() throws Exception {
        Path f = Files.createTempFile("twins", ".csv");
        Files.writeString(f, CsvPatientIndexTest.HEADER
                + "9434765919,K1234567,SCOTT,Katherine,2001-05-05,F,LE1\n"
                + "4010232137,K1234568,SCOTT,Catherine,2001-05-05,F,LE1\n");
        var twins = new MatchPolicy(CsvPatientIndex.load(f));
        var d = twins.decide(evidence(List.of(nhs("9434765919", Source.BARCODE)),
                List.of(label("SCOTT", "Catherine", LocalDate.of(2001, 5, 5), null, null))));
        assertThat(d).isInstanceOf(MatchDecision.NeedsReview.class);
        Files.delete(f);
    }
}
