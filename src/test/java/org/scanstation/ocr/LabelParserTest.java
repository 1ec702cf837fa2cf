package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scanstation.model.HospitalNumberFormat;

class LabelParserTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final LabelParser parser = new LabelParser(HospitalNumberFormat.defaultFormat(), TODAY);

    @Test
    void readsBorderedLayoutWithFamilyNameFirst() {
        LabelReading r = parser.parse("""
                KING, William
                DOB: 01-Mar-2008 Sex: M
                NHS No: 999 618 5311
                Hosp No: R5142473
                """);
        assertThat(r.familyName()).isEqualTo("KING");
        assertThat(r.givenName()).isEqualTo("William");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(2008, 3, 1));
        assertThat(r.nhsDigits()).isEqualTo("9996185311");
        assertThat(r.mrn()).isEqualTo("R5142473");
    }

    @Test
    void readsNameFieldWithGivenNameFirst() {
        LabelReading r = parser.parse("""
                Name: Oliver MILLS
                Born 04/09/1964 (M)
                NHS No. 9991518150
                MRN K0602259 LE4 8YH
                """);
        assertThat(r.familyName()).isEqualTo("MILLS");
        assertThat(r.givenName()).isEqualTo("Oliver");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1964, 9, 4));
        assertThat(r.nhsDigits()).isEqualTo("9991518150");
        assertThat(r.mrn()).isEqualTo("K0602259");
    }

    @Test
    void readsSurnameAndForenameFields() {
        LabelReading r = parser.parse("""
                Surname: O'BRIEN-SMITH  Forename: Mary Jane
                D.O.B. 4 Sep 1964  Unit No: K1234567
                NHS Number: 943-476-5919
                """);
        assertThat(r.familyName()).isEqualTo("O'BRIEN-SMITH");
        assertThat(r.givenName()).isEqualTo("Mary Jane");
        assertThat(r.dateOfBirth()).isEqualTo(LocalDate.of(1964, 9, 4));
        assertThat(r.nhsDigits()).isEqualTo("9434765919");
        assertThat(r.mrn()).isEqualTo("K1234567");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "SMITH, John;SMITH;John",
            "Mr John SMITH;SMITH;John",
            "SMITH John;SMITH;John",
            "Mary Jane SMITH;SMITH;Mary Jane",
            "VAN DER BERG, Anna;VAN DER BERG;Anna",
            "SMITH, Mrs Jane;SMITH;Jane",
            "SMITH. Jane;SMITH;Jane",
    })
    void readsNameOrders(String line, String family, String given) {
        LabelReading r = parser.parse(line + "\nDOB: 01/02/1990");
        assertThat(r.familyName()).isEqualTo(family);
        assertThat(r.givenName()).isEqualTo(given);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"John Smith", "JOHN SMITH", "Leicester Royal Infirmary", "Dear Dr Rahman,"})
    void doesNotGuessANameWhoseFamilyPartIsUnclear(String line) {
        assertThat(parser.parse(line + "\nNHS No: 999 618 5311").familyName()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "DOB: 04/09/1964;1964-09-04",
            "DOB 04-09-1964;1964-09-04",
            "DOB: 04.09.1964;1964-09-04",
            "D.O.B. 1964-09-04;1964-09-04",
            "Date of Birth: 04-Sep-1964;1964-09-04",
            "Born 4 Sep 1964;1964-09-04",
            "Born 4 September 1964;1964-09-04",
            "DOB: 4th Sept 1964;1964-09-04",
            "DOB: 12/01/1990;1990-01-12",
            "DOB: 04.09.64;1964-09-04",
            "DOB: 04/09/08;2008-09-04",     // 1908 would be 118 years old
            "DOB: O4/O9/1964;1964-09-04",
    })
    void readsDateFormatsDayFirst(String line, String iso) {
        assertThat(parser.parse(line).dateOfBirth()).isEqualTo(LocalDate.parse(iso));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "DOB: 31/02/1990",       // no such day
            "DOB: 13/13/1990",       // no such month
            "DOB: 04/09/2030",       // in the future
            "DOB: 04/09/19",         // 1919 and 2019 both possible
            "DOB: 04/09/19645",
            "DOB: unknown",
            "Adm: 04/09/1964",       // a date, but not a date of birth
            "DOB: 1850-01-01",       // nobody is that old
    })
    void givesNoDateWhenInvalidAmbiguousOrUnlabelled(String line) {
        assertThat(parser.parse(line).dateOfBirth()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "NHS No: 999 618 5311;9996185311",
            "NHS Number: 999-618-5311;9996185311",
            "NHS No. 9991518150;9991518150",
            "NHS: 999 618 5312;9996185312",      // wrong check digit: reported as printed
            "NHS No: 999 6l8 53I1;9996185311",
            "NHS No: 999 O18 S3B1;9990185381",
            "NH5 No: 999 618 5311;9996185311",
            "NHS No, 9997634322;9997634322",     // the full stop read as a comma
    })
    void readsNhsDigitsAsPrinted(String line, String digits) {
        assertThat(parser.parse(line).nhsDigits()).isEqualTo(digits);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "NHS No: 999 618 531",        // nine digits
            "NHS No: 999 618 53111",      // eleven
            "Tel 999 618 5311",           // no NHS keyword
            "NHS No: SOS BIB OOOl",      // letters, not digits
    })
    void givesNoNhsDigitsUnlessTenFollowTheKeyword(String line) {
        assertThat(parser.parse(line).nhsDigits()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Hosp No: R5142473;R5142473",
            "Hospital Number: k1234567;K1234567",
            "MRN: K06O2259;K0602259",
            "Unit No O1234567;O1234567",
            "RXX 12345 K7654321;K7654321",
            "MRN $1537408 LE16 4LA;S1537408",    // look-alikes only where the format wants a letter
            "Hosp No: 5Z96B940;S2968940",
            "MRN: R2O29l3l;R2029131",
    })
    void readsHospitalNumbers(String line, String mrn) {
        assertThat(parser.parse(line).mrn()).isEqualTo(mrn);
    }

    @Test
    void hospitalNumberFollowsTheTrustsFormat() {
        LabelParser trust = new LabelParser(new HospitalNumberFormat("[0-9]{6}[A-Z]"), TODAY);
        assertThat(trust.parse("Hospital No: 123456X").mrn()).isEqualTo("123456X");
        assertThat(trust.parse("Hospital No: 12345OX").mrn()).isEqualTo("123450X");
        assertThat(parser.parse("Hospital No: 123456X").mrn()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "ISihndlls QIStulrvedu, STIPE mre",   // body text under a barcode read as a name
            "TEMaINS UIStUIDEY, SINTPIE Tle",
            "Rt, a a ee",                         // no vowel: not a family name
    })
    void ocrGarbageIsNotAName(String line) {
        assertThat(parser.parse(line).familyName()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "O'BRIEN-SMITH, Mary Jane;O'BRIEN-SMITH;Mary Jane",
            "McDONALD, Iain;McDONALD;Iain",
            "MacLeod, Fiona;MacLeod;Fiona",
            "KING, wiliam;KING;",                 // a given name OCR left in small letters is not read
            "| Name: Arjun MITCHELL |;MITCHELL;Arjun",   // the box's ruling read as characters
    })
    void namesPrintedAsNamesAre(String line, String family, String given) {
        LabelReading r = parser.parse(line);
        assertThat(r.familyName()).isEqualTo(family);
        assertThat(r.givenName()).isEqualTo(given);
    }

    @Test
    void aLookAlikeThatCouldBeTwoHospitalNumbersGivesNone() {
        LabelParser trust = new LabelParser(new HospitalNumberFormat("[A-Z0-9][0-9]{7}"), TODAY);
        assertThat(trust.parse("MRN: S1537408").mrn()).isEqualTo("S1537408");
        assertThat(trust.parse("MRN: $1537408").mrn()).as("S or 5 both fit").isNull();
        assertThat(parser.parse("MRN: 82777487").mrn()).as("B or S").isNull();
        assertThat(parser.parse("Hosp No: 12968940").mrn()).as("I or L").isNull();
        assertThat(parser.parse("Hosp No: 24963811").mrn()).as("a garbled first letter is not guessed").isNull();
    }

    @Test
    void twoLabelsReadAsOneGiveNoFieldTheyDisagreeOn() {
        LabelReading r = parser.parse("""
                Name: Oliver MILLS        Name: Mary GRIFFITHS
                Born 04/09/1964 (M)       Born 14/07/1983 (F)
                NHS No. 9991518150        NHS No. 9994980432
                MRN K0602259              MRN K8127875
                """);
        assertThat(r.familyName()).isNull();
        assertThat(r.dateOfBirth()).isNull();
        assertThat(r.nhsDigits()).isNull();
        assertThat(r.mrn()).isNull();
    }

    @Test
    void aLettersSubjectLineIsNotReadAsLabelFields() {
        LabelReading r = parser.parse("""
                KING, William
                Re: Sarah Brown  DOB 05/09/1985  NHS 999 459 5342  Hosp No K6174756
                """);
        assertThat(r.familyName()).isEqualTo("KING");
        assertThat(r.dateOfBirth()).isNull();
        assertThat(r.nhsDigits()).isNull();
        assertThat(r.mrn()).isNull();
    }

    @Test
    void unrelatedTextGivesAnEmptyReading() {
        LabelReading r = parser.parse("The wound has healed satisfactorily.\nFollow up in three months.");
        assertThat(r.hasIdentifier()).isFalse();
        assertThat(r.hasDemographics()).isFalse();
        assertThat(r.givenName()).isNull();
    }
}
