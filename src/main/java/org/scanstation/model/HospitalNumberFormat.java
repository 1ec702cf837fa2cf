package org.scanstation.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local hospital number (MRN) format of a trust, a regular expression that a whole hospital
 * number matches. The default is one letter followed by seven digits (e.g. {@code K1234567}).
 */
public final class HospitalNumberFormat {

    public static final String DEFAULT_PATTERN = "[A-Z][0-9]{7}";

    private final Pattern whole;
    private final Pattern within;

    public HospitalNumberFormat(String regex) {
        this.whole = Pattern.compile(regex);
        this.within = Pattern.compile("(?<![A-Za-z0-9])(" + regex + ")(?![A-Za-z0-9])");
    }

    public static HospitalNumberFormat defaultFormat() {
        return new HospitalNumberFormat(DEFAULT_PATTERN);
    }

    public String pattern() {
        return whole.pattern();
    }

    /** True when the text, trimmed and upper-cased, is exactly a hospital number. */
    public boolean matches(String text) {
        return text != null && whole.matcher(text.trim().toUpperCase()).matches();
    }

    /** The first hospital number that stands on its own inside free text (a label line, a barcode payload). */
    public Optional<String> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = within.matcher(text.toUpperCase());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
