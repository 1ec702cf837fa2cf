package org.scanstation.ocr;

import java.awt.Rectangle;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Turns the OCR text of one patient label into a {@link LabelReading}: family and given name, date of
 * birth, the NHS number's ten digits as printed and the hospital number. A field that cannot be read
 * unambiguously is null; nothing is guessed. Thread-safe.
 */
public final class LabelParser {

    /** A letter's subject line ("Re: Sarah Brown DOB ..."), never part of a label. */
    private static final Pattern LETTER_SUBJECT = Pattern.compile("(?im)^\\s*Re\\s*[:.].*$");

    private final HospitalNumberReader hospitalNumbers;
    private final BirthDateReader birthDates;

    /** Default hospital number format, dates of birth judged against today's date. */
    public LabelParser() {
        this(HospitalNumberFormat.defaultFormat(), LocalDate.now());
    }

    public LabelParser(HospitalNumberFormat hospitalNumberFormat) {
        this(hospitalNumberFormat, LocalDate.now());
    }

    /** @param today the date against which a date of birth must not lie in the future */
    public LabelParser(HospitalNumberFormat hospitalNumberFormat, LocalDate today) {
        this.hospitalNumbers = new HospitalNumberReader(Objects.requireNonNull(hospitalNumberFormat, "hospitalNumberFormat"));
        this.birthDates = new BirthDateReader(Objects.requireNonNull(today, "today"));
    }

    /** Parses label text; region and confidence are passed through to the reading. */
    public LabelReading parse(String text, Rectangle region, float confidence) {
        String t = text == null ? "" : text;
        String fields = LETTER_SUBJECT.matcher(t).replaceAll("");
        PatientNameReader.Name name = PatientNameReader.read(fields);
        return new LabelReading(region, t,
                name == null ? null : name.family(),
                name == null ? null : name.given(),
                birthDates.read(fields),
                NhsDigitsReader.read(fields),
                hospitalNumbers.read(fields),
                confidence);
    }

    private static final Pattern NHS_KEYWORD = Pattern.compile("(?i)\\bNHS\\b");
    private static final Pattern DOB_KEYWORD = Pattern.compile(
            "(?i)\\b(?:D\\.?\\s?[O0]\\.?\\s?B|Date\\s+of\\s+Birth|Birth\\s*Date|Born)\\b");
    private static final Pattern MRN_KEYWORD = Pattern.compile(
            "(?i)\\b(?:Hosp|Hospital|MRN|Unit\\s*No|Case\\s*No|PAS)\\b");

    /**
     * True when the label names a field (a keyword is there) whose value could not be read, or no name
     * was found: worth a second look.
     */
    public boolean hasUnreadFields(LabelReading r) {
        String t = r.rawText() == null ? "" : r.rawText();
        return r.familyName() == null
                || r.nhsDigits() == null && NHS_KEYWORD.matcher(t).find()
                || r.dateOfBirth() == null && DOB_KEYWORD.matcher(t).find()
                || r.mrn() == null && MRN_KEYWORD.matcher(t).find();
    }

    /** Parses an OCR result of a label region. */
    public LabelReading parse(OcrText ocr, Rectangle region) {
        return parse(ocr.text(), region, ocr.meanConfidence());
    }

    /** Parses label text with no region or confidence (tests, barcode payloads printed as text). */
    public LabelReading parse(String text) {
        return parse(text, null, 0f);
    }
}
