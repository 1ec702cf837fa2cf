package org.scanstation.match;

import java.text.Normalizer;
import java.util.Locale;

/** The forms names are indexed and searched by: letters only, upper case, accents removed ("O'Néill" is ONEILL). */
public final class SearchKeys {

    private SearchKeys() {
    }

    public static String name(String text) {
        if (text == null) {
            return "";
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder b = new StringBuilder(plain.length());
        for (char c : plain.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z') {
                b.append(c);
            }
        }
        return b.toString();
    }
}
