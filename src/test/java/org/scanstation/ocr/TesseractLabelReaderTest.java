package org.scanstation.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.SyntheticPages.BarcodeAt;
import org.scanstation.ocr.SyntheticPages.Code;
import org.scanstation.ocr.SyntheticPages.Label;

/** Labels of several designs drawn on letters, found and read with real Tesseract. */
class TesseractLabelReaderTest {

    private static final String RE_LINE = "Re: Sarah Brown  DOB 05/09/1985  NHS 999 459 5342";
    private static TesseractLabelReader reader;

    @BeforeAll
    static void open() throws Exception {
        reader = new TesseractLabelReader(TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK),
                new LabelLocator(), new LabelParser(HospitalNumberFormat.defaultFormat(), LocalDate.of(2026, 11, 25)));
    }

    @AfterAll
    static void close() {
        reader.close();
    }

    private static Label boxedFamilyFirst(double x, double y, double angle) {
        return new Label(List.of("KING, William", "DOB: 01-Mar-2008   Sex: M", "NHS No: 999 618 5311", "Hosp No: R5142473"),
                Font.SANS_SERIF, true, 9, true, Code.CODE_128, BarcodeAt.BOTTOM, "9996185311", x, y, angle);
    }

    private static Label serifBarcodeOnTop(double x, double y) {
        return new Label(List.of("Name: Oliver MILLS", "Born 04/09/1964 (M)", "NHS No. 9991518150", "MRN K0602259  LE4 8YH"),
                Font.SERIF, false, 9, false, Code.CODE_128, BarcodeAt.TOP, "9991518150", x, y, 0);
    }

    private static void assertKing(LabelReading r) {
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("KING");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("William");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(2008, 3, 1));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9996185311");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("R5142473");
    }

    private static void assertMills(LabelReading r) {
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("MILLS");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("Oliver");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(1964, 9, 4));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9991518150");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("K0602259");
    }

    @Test
    void readsABoxedLabelAndNotTheLettersReLine() throws Exception {
        SyntheticPages p = new SyntheticPages(300).letter(75, RE_LINE).label(boxedFamilyFirst(112, 22, 0));
        BufferedImage page = p.image(6, 1);

        List<LabelReading> readings = reader.read(page, p.barcodes());

        assertThat(readings).hasSize(1);
        assertKing(readings.get(0));
        assertThat(readings.get(0).region()).satisfies(r -> assertThat(r.y).isLessThan(p.px(60)));
    }

    @Test
    void findsAnUnboxedLabelByItsBarcodeWithoutBeingToldWhereItIs() throws Exception {
        SyntheticPages p = new SyntheticPages(300).letter(80, RE_LINE).label(serifBarcodeOnTop(20, 24));
        BufferedImage page = p.image(6, 2);

        List<LabelReading> readings = reader.read(page, List.of());

        assertThat(readings).hasSize(1);
        assertMills(readings.get(0));
    }

    @Test
    void readsSurnameForenameFieldsInMonospaceBesideACode39At200Dpi() throws Exception {
        Label mono = new Label(List.of("Surname: PATEL", "Forename: Anjali", "D.O.B. 1971-03-22", "Hospital No: S1234567",
                "NHS Number: 943-476-5919"), Font.MONOSPACED, false, 9, false, Code.CODE_39, BarcodeAt.LEFT,
                "S1234567", 60, 22, 0);
        SyntheticPages p = new SyntheticPages(200).letter(80, RE_LINE).label(mono);
        BufferedImage page = p.image(5, 3);

        List<LabelReading> readings = reader.read(page, p.barcodes());

        assertThat(readings).hasSize(1);
        LabelReading r = readings.get(0);
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("PATEL");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("Anjali");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(1971, 3, 22));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9434765919");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("S1234567");
    }

    @ParameterizedTest(name = "DataMatrix position given: {0}")
    @CsvSource({"true", "false"})
    void readsTextBesideADataMatrix(boolean hinted) throws Exception {
        Label dm = new Label(List.of("Mr Thomas O'NEILL", "DOB 4 Sep 1964", "MRN: T7654321", "NHS: 943 476 5919"),
                Font.SANS_SERIF, true, 9, false, Code.DATAMATRIX, BarcodeAt.LEFT, "9434765919|T7654321", 25, 24, 0);
        SyntheticPages p = new SyntheticPages(300).letter(80, RE_LINE).label(dm);
        BufferedImage page = p.image(6, 4);

        List<LabelReading> readings = reader.read(page, hinted ? p.barcodes() : List.of());

        assertThat(readings).hasSize(1);
        LabelReading r = readings.get(0);
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("O'NEILL");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("Thomas");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(1964, 9, 4));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9434765919");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("T7654321");
    }

    @Test
    void readsABoxedLabelWithNoBarcodeInSerifAt200Dpi() throws Exception {
        Label plain = new Label(List.of("GREEN Amelia", "Date of Birth: 12.01.1990", "Unit No K7777777", "NHS No 999 000 1234"),
                Font.SERIF, true, 10, true, Code.NONE, BarcodeAt.BOTTOM, null, 110, 24, 0);
        SyntheticPages p = new SyntheticPages(200).letter(80, RE_LINE).label(plain);

        List<LabelReading> readings = reader.read(p.image(5, 5), List.of());

        assertThat(readings).hasSize(1);
        LabelReading r = readings.get(0);
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("GREEN");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("Amelia");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(1990, 1, 12));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9990001234");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("K7777777");
    }

    @Test
    void readsALabelStuckOnAskew() throws Exception {
        SyntheticPages p = new SyntheticPages(300).letter(80, RE_LINE).label(boxedFamilyFirst(108, 22, -2.5));

        List<LabelReading> readings = reader.read(p.image(6, 6), List.of());

        assertThat(readings).hasSize(1);
        assertKing(readings.get(0));
    }

    @ParameterizedTest(name = "unboxed label turned {0} degrees")
    @CsvSource({"3", "-3"})
    void readsAnUnboxedLabelStuckOnAskew(double angle) throws Exception {
        Label l = new Label(List.of("Name: Oliver MILLS", "Born 04/09/1964 (M)", "NHS No. 9991518150", "MRN K0602259  LE4 8YH"),
                Font.SERIF, false, 9, false, Code.CODE_128, BarcodeAt.TOP, "9991518150", 115, 24, angle);
        SyntheticPages p = new SyntheticPages(300).letter(80, RE_LINE).label(l);

        List<LabelReading> readings = reader.read(p.image(6, 11), List.of());

        assertThat(readings).hasSize(1);
        assertMills(readings.get(0));
    }

    @ParameterizedTest(name = "{0} bold={1} at {2} dpi")
    @CsvSource({
            "SansSerif, false, 200",
            "SansSerif, true, 300",
            "Serif, false, 200",
            "Serif, true, 300",
            "Monospaced, false, 300",
            "Monospaced, true, 200",
    })
    void readsFamilyGivenOrderWithIsoDateBesideAnUndecodedBarcode(String font, boolean bold, int dpi) throws Exception {
        Label l = new Label(List.of("HUGHES Eleanor Rose", "DOB 1958-11-30", "NHS Number: 943 476 5919", "Hospital No: L2345678"),
                font, bold, 9, false, Code.CODE_128, BarcodeAt.LEFT, "L2345678", 20, 24, 0);
        SyntheticPages p = new SyntheticPages(dpi).letter(80, RE_LINE).label(l);

        List<LabelReading> readings = reader.read(p.image(6, dpi + (bold ? 1 : 0)), List.of());

        assertThat(readings).hasSize(1);
        LabelReading r = readings.get(0);
        assertThat(r.familyName()).as(r.rawText()).isEqualTo("HUGHES");
        assertThat(r.givenName()).as(r.rawText()).isEqualTo("Eleanor Rose");
        assertThat(r.dateOfBirth()).as(r.rawText()).isEqualTo(LocalDate.of(1958, 11, 30));
        assertThat(r.nhsDigits()).as(r.rawText()).isEqualTo("9434765919");
        assertThat(r.mrn()).as(r.rawText()).isEqualTo("L2345678");
    }

    @Test
    void twoLabelsOnOnePageGiveTwoReadingsTopToBottom() throws Exception {
        SyntheticPages p = new SyntheticPages(300).letter(80, RE_LINE)
                .label(boxedFamilyFirst(112, 22, 0))
                .label(serifBarcodeOnTop(115, 240));

        List<LabelReading> readings = reader.read(p.image(6, 7), List.of());

        assertThat(readings).hasSize(2);
        assertKing(readings.get(0));
        assertMills(readings.get(1));
    }

    @Test
    void aLetterWithoutALabelGivesNoReadingEvenWithAPatientInItsReLine() throws Exception {
        SyntheticPages p = new SyntheticPages(300).letter(50, RE_LINE);

        assertThat(reader.read(p.image(6, 8), List.of())).isEmpty();
    }

    @Test
    void aBarcodeWithNoLabelTextBesideItGivesNoReading() throws Exception {
        Label bare = new Label(List.of(), Font.SANS_SERIF, false, 9, false, Code.CODE_128, BarcodeAt.TOP,
                "SEPARATOR", 70, 120, 0);
        SyntheticPages p = new SyntheticPages(300).label(bare);

        assertThat(reader.read(p.image(4, 9), p.barcodes())).isEmpty();
    }

    @Test
    void aTinyOrBlankImageGivesNoReading() throws Exception {
        assertThat(reader.read(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), List.of())).isEmpty();
        assertThat(reader.read(new SyntheticPages(200).image(0, 0), List.of(new Rectangle(10, 10, 50, 20)))).isEmpty();
    }
}
