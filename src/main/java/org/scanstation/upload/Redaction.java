package org.scanstation.upload;

import java.util.regex.Pattern;

/**
 * Removes patient identifiers from text that may reach a log or a console (server error messages can
 * quote folder paths such as {@code /ScanStation/9991234567}).
 */
public final class Redaction {

    private static final Pattern NHS_LIKE = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)");

    private Redaction() {
    }

    /** Replaces anything that looks like an NHS number with {@code [NHS number]}. */
    public static String redact(String text) {
        return text == null ? null : NHS_LIKE.matcher(text).replaceAll("[NHS number]");
    }
}
