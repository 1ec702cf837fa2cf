package org.scanstation.samples;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * How one kind of patient label looks: frame, type face, which fields in which order, how names,
 * dates and numbers are written, and which barcode it carries.
 *
 * @param id          short stable name, written to truth.json's {@code layout}
 * @param bordered    a printed frame around the label
 * @param rounded     rounded frame corners
 * @param typeFace    the type face of the text
 * @param nameBold    name line(s) in bold
 * @param nhsBold     NHS number line in bold
 * @param fontPt      text size in points
 * @param nameStyle   how the name is written
 * @param dobStyle    how the date of birth is written
 * @param dobCaption  caption before the date of birth, e.g. "DOB:" or "Born"
 * @param showSex     sex printed after the date of birth
 * @param nhsCaption  caption before the NHS number, e.g. "NHS No:"
 * @param nhsStyle    grouping of the NHS number's digits
 * @param mrnCaption  caption before the hospital number, e.g. "Hosp No:"
 * @param fields      the order of the text fields
 * @param symbology   barcode type, or NONE for a text-only label
 * @param content     what the barcode encodes
 * @param placement   where the barcode sits relative to the text
 */
public record LabelLayout(String id, boolean bordered, boolean rounded, TypeFace typeFace, boolean nameBold,
                          boolean nhsBold, float fontPt, NameStyle nameStyle, DobStyle dobStyle, String dobCaption,
                          boolean showSex, String nhsCaption, NhsStyle nhsStyle, String mrnCaption,
                          List<Field> fields, Symbology symbology, BarcodeContent content, Placement placement) {

    public LabelLayout {
        fields = List.copyOf(fields);
        if (!fields.contains(Field.NAME) || !fields.contains(Field.NHS) || !fields.contains(Field.DOB)) {
            throw new IllegalArgumentException("a label layout must print name, date of birth and NHS number: " + id);
        }
    }

    /** Type faces, each with installed font families to try in order (Java's logical font last). */
    public enum TypeFace {
        SANS("Nimbus Sans", "Liberation Sans", "DejaVu Sans", "SansSerif"),
        SERIF("Nimbus Roman", "Liberation Serif", "DejaVu Serif", "Serif"),
        MONO("Nimbus Mono PS", "Liberation Mono", "DejaVu Sans Mono", "Monospaced"),
        NARROW("Nimbus Sans Narrow", "DejaVu Sans Condensed", "Liberation Sans Narrow", "SansSerif");

        private final String[] families;

        TypeFace(String... families) {
            this.families = families;
        }

        String[] families() {
            return families.clone();
        }
    }

    /** How the patient's name is written. */
    public enum NameStyle {
        /** "KING, William" */
        FAMILY_COMMA_GIVEN,
        /** "William KING" */
        GIVEN_FAMILY,
        /** two lines, "Surname: KING" and "Forename: William" */
        SURNAME_FORENAME,
        /** "Name: William KING" */
        NAME_CAPTION
    }

    /** Date of birth formats seen on labels. */
    public enum DobStyle {
        DD_MMM_YYYY("dd-MMM-yyyy"), SLASHES("dd/MM/yyyy"), LONG("d MMM yyyy"), ISO("yyyy-MM-dd"), DOTS("dd.MM.yyyy");

        private final DateTimeFormatter format;

        DobStyle(String pattern) {
            this.format = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH);
        }

        public String format(java.time.LocalDate d) {
            return format.format(d);
        }
    }

    /** How the ten NHS digits are grouped. */
    public enum NhsStyle {
        /** "999 123 4567" */
        GROUPED,
        /** "9991234567" */
        PLAIN,
        /** "999-123-4567" */
        DASHED;

        public String format(String digits) {
            if (this == PLAIN || digits.length() != 10) {
                return digits;
            }
            String sep = this == GROUPED ? " " : "-";
            return digits.substring(0, 3) + sep + digits.substring(3, 6) + sep + digits.substring(6);
        }
    }

    /** Text fields of a label. */
    public enum Field { NAME, DOB, NHS, MRN, POSTCODE }

    /** Barcode symbologies (names as ZXing's BarcodeFormat). */
    public enum Symbology {
        CODE_128(false), CODE_39(false), DATA_MATRIX(true), QR_CODE(true), PDF_417(false), NONE(false);

        private final boolean square;

        Symbology(boolean square) {
            this.square = square;
        }

        /** True for the square matrix codes (DataMatrix, QR). */
        public boolean square() {
            return square;
        }
    }

    /** What a label's barcode encodes. */
    public enum BarcodeContent {
        /** the ten NHS digits */
        NHS,
        /** the hospital number */
        MRN,
        /** GS1 element string with FNC1: (8018) GSRN of 18 digits, then (91) the NHS number */
        GS1,
        /** "PID|nhs|mrn|FAMILY^GIVEN|yyyymmdd" */
        STRUCTURED
    }

    /** Where the barcode sits. */
    public enum Placement { BELOW, RIGHT, LEFT }
}
