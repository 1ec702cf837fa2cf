package org.scanstation.barcode;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which barcodes mark a separator sheet: a barcode whose text, trimmed, equals one of the
 * configured texts ignoring case, or a real patch code T when {@code PATCHT} is one of them.
 * The default texts are {@code SEPARATOR} and {@code PATCHT}; configuring texts replaces them.
 */
public final class SeparatorRule {

    public static final String PATCH_T_TEXT = PatchCodeDetector.TEXT;
    public static final String PATCH_T_FORMAT = PatchCodeDetector.FORMAT;

    private final Set<String> texts;

    /** @param texts the separator texts (non-blank); at least one */
    public SeparatorRule(Collection<String> texts) {
        if (texts == null || texts.isEmpty()) {
            throw new IllegalArgumentException("a separator rule needs at least one separator text");
        }
        Set<String> norm = new LinkedHashSet<>();
        for (String t : texts) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("a separator text must not be blank");
            }
            norm.add(normalise(t));
        }
        this.texts = Set.copyOf(norm);
    }

    /** {@code SEPARATOR} and {@code PATCHT}. */
    public static SeparatorRule defaults() {
        return new SeparatorRule(Set.of("SEPARATOR", PATCH_T_TEXT));
    }

    /** The configured texts, trimmed and upper-cased. */
    public Set<String> texts() {
        return texts;
    }

    public boolean isSeparator(Barcode barcode) {
        if (barcode == null || barcode.text() == null) {
            return false;
        }
        if (PATCH_T_FORMAT.equals(barcode.format())) {
            return texts.contains(PATCH_T_TEXT);
        }
        return texts.contains(normalise(barcode.text()));
    }

    private static String normalise(String text) {
        return text.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "SeparatorRule" + texts;
    }
}
