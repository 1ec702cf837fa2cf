package org.scanstation.barcode;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * The patient identifiers one barcode carries.
 *
 * <ul>
 *   <li>{@link #nhsDigits()}: ten digits as encoded, check digit <em>not</em> verified (the caller
 *       flags invalid ones). Taken from a text that is only the number ({@code 9434765919},
 *       {@code 943 476 5919}, {@code 943-476-5919}), from one delimited field of a record
 *       ({@code |}, {@code ;}, tab, new line), from a key/value such as {@code NHS:9434765919} or
 *       {@code NHS No 943 476 5919}, or from a GS1 company-internal AI (90-99) holding exactly ten
 *       digits. Ten digits inside a longer run of digits (e.g. an 18-digit GSRN) are never taken.
 *       Two different candidates make it empty: ambiguous is treated as absent.</li>
 *   <li>{@link #mrn()}: the first hospital number found by {@link HospitalNumberFormat#find}.</li>
 *   <li>{@link #gs1()}: AI to value for GS1 element strings (FNC1 or parenthesised AIs), e.g.
 *       {@code 8018} (GSRN, patient), {@code 01}, {@code 10}, {@code 17}, {@code 21}, {@code 91}-{@code 99}.</li>
 * </ul>
 */
public final class BarcodePayload {

    private static final Pattern KEYED_NHS = Pattern.compile(
            "(?i)(?<![A-Z])NHS(?:[ _-]?(?:NO|NUM|NUMBER|NBR|#))?\\.?\\s*[:=#]?\\s*"
                    + "(\\d{3}[ -]?\\d{3}[ -]?\\d{4})(?![\\d])");
    private static final Pattern BARE_NHS = Pattern.compile("\\d{10}|\\d{3}([ -])\\d{3}\\1\\d{4}");
    private static final Pattern FIELD_SEPARATORS = Pattern.compile("[|;\\t\\r\\n^~\\u001d]");

    private static final BarcodePayload EMPTY = new BarcodePayload(null, null, Map.of());

    private final String nhsDigits;
    private final String mrn;
    private final Map<String, String> gs1;

    private BarcodePayload(String nhsDigits, String mrn, Map<String, String> gs1) {
        this.nhsDigits = nhsDigits;
        this.mrn = mrn;
        this.gs1 = Map.copyOf(gs1);
    }

    /** Reads the identifiers out of a barcode's text; never null, possibly {@link #isEmpty()}. */
    public static BarcodePayload parse(Barcode barcode, HospitalNumberFormat mrnFormat) {
        Objects.requireNonNull(mrnFormat, "hospital number format");
        if (barcode == null || barcode.text() == null || barcode.text().isBlank()
                || SeparatorRule.PATCH_T_FORMAT.equals(barcode.format())) {
            return EMPTY;
        }
        String text = barcode.text();
        Optional<Map<String, String>> gs1 = Gs1ElementStrings.parse(text);
        if (gs1.isPresent()) {
            return fromGs1(gs1.get(), mrnFormat);
        }
        String nhs = nhsFromText(text);
        String mrn = mrnFormat.find(text.replace(Gs1ElementStrings.GS, ' ')).orElse(null);
        if (nhs == null && mrn == null) {
            return EMPTY;
        }
        return new BarcodePayload(nhs, mrn, Map.of());
    }

    private static BarcodePayload fromGs1(Map<String, String> ai, HospitalNumberFormat mrnFormat) {
        Set<String> nhs = new LinkedHashSet<>();
        String mrn = null;
        for (Map.Entry<String, String> e : ai.entrySet()) {
            String value = e.getValue();
            boolean internal = e.getKey().length() == 2 && e.getKey().charAt(0) == '9';
            if (internal) {
                Matcher keyed = KEYED_NHS.matcher(value);
                if (keyed.find()) {
                    nhs.add(digits(keyed.group(1)));
                } else if (BARE_NHS.matcher(value.strip()).matches()) {
                    nhs.add(digits(value));
                }
            }
            if (mrn == null) {
                mrn = mrnFormat.find(value).orElse(null);
            }
        }
        return new BarcodePayload(nhs.size() == 1 ? nhs.iterator().next() : null, mrn, ai);
    }

    private static String nhsFromText(String text) {
        Set<String> keyed = new LinkedHashSet<>();
        Matcher m = KEYED_NHS.matcher(text);
        while (m.find()) {
            keyed.add(digits(m.group(1)));
        }
        if (!keyed.isEmpty()) {
            return keyed.size() == 1 ? keyed.iterator().next() : null;
        }
        Set<String> bare = new LinkedHashSet<>();
        for (String field : FIELD_SEPARATORS.split(text)) {
            String f = field.strip();
            if (BARE_NHS.matcher(f).matches()) {
                bare.add(digits(f));
            }
        }
        return bare.size() == 1 ? bare.iterator().next() : null;
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** Ten digits as encoded (check digit not verified). */
    public Optional<String> nhsDigits() {
        return Optional.ofNullable(nhsDigits);
    }

    public Optional<String> mrn() {
        return Optional.ofNullable(mrn);
    }

    /** AI to value; empty when the barcode is not a GS1 element string. */
    public Map<String, String> gs1() {
        return gs1;
    }

    /** True when the barcode carries no identifier at all. */
    public boolean isEmpty() {
        return nhsDigits == null && mrn == null && gs1.isEmpty();
    }

    @Override
    public String toString() {
        return "BarcodePayload[nhs=" + nhsDigits + ", mrn=" + mrn + ", gs1=" + gs1 + "]";
    }
}
