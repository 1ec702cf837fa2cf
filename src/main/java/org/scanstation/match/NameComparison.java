package org.scanstation.match;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares a name as read from a label with the name in the index. Tolerates one OCR slip in a name
 * of five letters or more (and case, accents, hyphens, spaces, apostrophes); anything further apart is
 * a different name.
 */
public final class NameComparison {

    private NameComparison() {
    }

    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    public static boolean same(String read, String indexed) {
        String a = normalise(read);
        String b = normalise(indexed);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        int allowed = Math.min(a.length(), b.length()) >= 5 ? 1 : 0;
        return allowed > 0 && distance(a, b) <= allowed;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
