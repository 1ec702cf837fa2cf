package org.scanstation.match;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares a name as read from a label with the name in the index. It forgives exactly the slips OCR
 * makes (0 for O, 1 or l for I, 5 for S, 8 for B, rn for m, ...), case, accents, hyphens, apostrophes
 * and spaces; nothing else. "Katherine" and "Catherine" are different names: twins are told apart by
 * exactly such letters, so no general edit distance is allowed.
 */
public final class NameComparison {

    private NameComparison() {
    }

    /** Upper-case letters only, accents removed: "O'Neill-Smith" gives "ONEILLSMITH". */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    /** The name with every character replaced by the representative of its OCR look-alike class. */
    static String shape(String name) {
        if (name == null) {
            return "";
        }
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        n = n.replace("RN", "M").replace("VV", "W").replace("CL", "D");
        StringBuilder out = new StringBuilder();
        for (char c : n.toCharArray()) {
            char r = switch (c) {
                case '0', 'Q', 'D' -> 'O';
                case '1', 'L', '|', '!', 'J' -> 'I';
                case '5' -> 'S';
                case '8' -> 'B';
                case '6' -> 'G';
                case '2' -> 'Z';
                case 'U' -> 'V';
                default -> c;
            };
            if (r >= 'A' && r <= 'Z') {
                out.append(r);
            }
        }
        return out.toString();
    }

    /** True when the two names are the same once OCR's look-alike characters are forgiven. */
    public static boolean same(String read, String indexed) {
        String a = shape(read);
        String b = shape(indexed);
        return !a.isEmpty() && a.equals(b);
    }

    /**
     * Family names: compared whole, except that a stray single character read after the name (a mark
     * or a rule at the label's edge, "WILSON f") is not part of it.
     */
    public static boolean sameFamilyName(String read, String indexed) {
        if (read == null) {
            return false;
        }
        String[] tokens = read.strip().split("\\s+");
        int n = tokens.length;
        while (n > 1 && tokens[n - 1].replaceAll("[^\\p{L}]", "").length() <= 1) {
            n--;
        }
        return same(String.join(" ", java.util.Arrays.copyOf(tokens, n)), indexed);
    }

    /**
     * Given names: the first name must be the same; further names on the label (a middle name, or a
     * stray mark read as letters after the name) are not compared.
     */
    public static boolean sameGivenName(String read, String indexed) {
        if (read == null || indexed == null) {
            return false;
        }
        String first = read.strip().split("\\s+")[0];
        String indexedFirst = indexed.strip().split("\\s+")[0];
        return same(first, indexedFirst);
    }
}
