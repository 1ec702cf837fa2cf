package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scanstation.model.HospitalNumberFormat;

class BarcodePayloadTest {

    private static final HospitalNumberFormat MRN = HospitalNumberFormat.defaultFormat();

    private static BarcodePayload parse(String text) {
        return BarcodePayload.parse(new Barcode("CODE_128", text, null), MRN);
    }

    @Test
    void readsAPlainNhsNumberWithOrWithoutSpacesAndDashes() {
        assertThat(parse("9434765919").nhsDigits()).contains("9434765919");
        assertThat(parse("943 476 5919").nhsDigits()).contains("9434765919");
        assertThat(parse("943-476-5919").nhsDigits()).contains("9434765919");
    }

    @Test
    void keepsTheDigitsEvenWhenTheCheckDigitIsWrongSoTheCallerCanFlagIt() {
        assertThat(parse("9434765918").nhsDigits()).contains("9434765918");
    }

    @Test
    void readsKeyValueAndDelimitedRecords() {
        BarcodePayload p = parse("NHS:9434765919|MRN:K1234567|KING^WILLIAM");
        assertThat(p.nhsDigits()).contains("9434765919");
        assertThat(p.mrn()).contains("K1234567");
        assertThat(parse("NHS No 943 476 5919; DOB 1961-03-01").nhsDigits()).contains("9434765919");
        assertThat(parse("nhs=9434765919").nhsDigits()).contains("9434765919");
        assertThat(parse("K1234567|9434765919|KING, WILLIAM").nhsDigits()).contains("9434765919");
    }

    @Test
    void readsAHospitalNumberAlone() {
        BarcodePayload p = parse("K1234567");
        assertThat(p.mrn()).contains("K1234567");
        assertThat(p.nhsDigits()).isEmpty();
        assertThat(BarcodePayload.parse(new Barcode("CODE_39", "RX001234", null),
                new HospitalNumberFormat("RX[0-9]{6}")).mrn()).contains("RX001234");
    }

    @Test
    void neverCutsAnNhsNumberOutOfALongerNumber() {
        assertThat(parse("506012345678901231").nhsDigits()).isEmpty();
        assertThat(parse("94347659190012").nhsDigits()).isEmpty();
        assertThat(parse("NHS:94347659190").nhsDigits()).isEmpty();
        assertThat(parse("Ref 019434765919").nhsDigits()).isEmpty();
    }

    @Test
    void twoDifferentNhsNumbersAreAmbiguousAndGiveNone() {
        assertThat(parse("NHS:9434765919 NHS:4010232137").nhsDigits()).isEmpty();
        assertThat(parse("NHS:9434765919 NHS:943 476 5919").nhsDigits()).contains("9434765919");
    }

    @Test
    void freeTextCarriesNoIdentifiers() {
        assertThat(parse("SEPARATOR").isEmpty()).isTrue();
        assertThat(parse("CUSTOM BARCODE").isEmpty()).isTrue();
        assertThat(parse("Call 0116 258 5000 for appointments").isEmpty()).isTrue();
        assertThat(BarcodePayload.parse(new Barcode("PATCH_T", "PATCHT", null), MRN).isEmpty()).isTrue();
    }

    @Test
    void parsesGs1ElementStringsWithFnc1Separators() {
        // GSRN (fixed 18) then a company-internal field, FNC1 shown as GS
        BarcodePayload p = parse("\u001d8018506012345678901231\u001d91K1234567");
        assertThat(p.gs1()).containsEntry("8018", "506012345678901231").containsEntry("91", "K1234567");
        assertThat(p.mrn()).contains("K1234567");
        assertThat(p.nhsDigits()).as("a GSRN is not an NHS number").isEmpty();

        BarcodePayload med = parse("]d2010950110153000317260131" + "10AB12\u001d21XYZ");
        assertThat(med.gs1()).containsEntry("01", "09501101530003").containsEntry("17", "260131")
                .containsEntry("10", "AB12").containsEntry("21", "XYZ");
        assertThat(med.nhsDigits()).isEmpty();
    }

    @Test
    void parsesGs1InBracketedForm() {
        BarcodePayload p = parse("(8018)506012345678901231(92)9434765919");
        assertThat(p.gs1()).containsEntry("8018", "506012345678901231").containsEntry("92", "9434765919");
        assertThat(p.nhsDigits()).contains("9434765919");
    }

    @Test
    void malformedGs1IsNotGs1() {
        assertThat(parse("(01)123").gs1()).isEmpty();            // 01 is 14 digits
        assertThat(parse("\u001d0112345").gs1()).isEmpty();      // truncated
        assertThat(parse("\u001d5512345").gs1()).isEmpty();      // unknown AI
    }
}
