package org.scanstation.ocr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Reads the hospital number (MRN) of a label: the token after a keyword ("Hosp No", "Hospital No",
 * "Hospital Number", "MRN", "Unit No", "Case No", "RXX No"...) that matches the trust's
 * {@link HospitalNumberFormat}; failing that, a token standing alone that matches the format exactly.
 * OCR look-alikes are tolerated only where the pattern demands: a token that does not match as read is
 * accepted when exactly one way of reading its look-alike characters matches the format, so "$1537408"
 * is S1537408 where the format wants a letter first, while "82777487" (B or S?) gives none.
 */
final class HospitalNumberReader {

    private static final Pattern KEYWORD = Pattern.compile(
            "\\b(?:Hosp(?:ital)?\\.?\\s*(?:No\\b\\.?|Number\\b|Num\\b\\.?)?|MRN|M\\.R\\.N\\.?|Unit\\s*(?:No\\b\\.?|Number\\b)"
                    + "|Case\\s*(?:No\\b\\.?|Number\\b)|PAS\\s*(?:No\\b\\.?|Number\\b)?|Patient\\s*(?:No\\b\\.?|Number\\b|ID\\b))"
                    + "\\s*[:.;#]?",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_AMBIGUOUS_CHARS = 8;

    private final HospitalNumberFormat format;

    HospitalNumberReader(HospitalNumberFormat format) {
        this.format = format;
    }

    /** The hospital number; null when none, or when two different ones are printed (two labels). */
    String read(String text) {
        Set<String> found = afterKeywords(text);
        if (found.isEmpty()) {
            return standingAlone(text);
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The hospital number printed after a keyword (never a bare token); null when none or ambiguous. */
    String readAfterKeyword(String text) {
        Set<String> found = afterKeywords(text);
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private Set<String> afterKeywords(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher m = KEYWORD.matcher(text);
        while (m.find()) {
            String line = text.substring(m.end()).lines().findFirst().orElse("").strip();
            String[] tokens = line.split("\\s+");
            // the number is the first token; some labels split it ("K 1234567"), so also try two tokens joined
            List<String> candidates = new ArrayList<>();
            if (tokens.length > 0 && !tokens[0].isEmpty()) {
                candidates.add(clean(tokens[0]));
            }
            if (tokens.length > 1) {
                candidates.add(clean(tokens[0] + tokens[1]));
            }
            for (String candidate : candidates) {
                String read = readToken(candidate);
                if (read != null) {
                    found.add(read);
                    break;
                }
            }
        }
        return found;
    }

    /** A token matching the format exactly, on a line that is not the NHS number's. */
    private String standingAlone(String text) {
        Set<String> found = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            if (line.toUpperCase().contains("NHS")) {
                continue;
            }
            for (String token : line.split("\\s+")) {
                String t = clean(token);
                if (format.matches(t)) {
                    found.add(t.toUpperCase());
                }
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private static String clean(String token) {
        return token.replaceAll("^[^A-Za-z0-9$|]+|[^A-Za-z0-9$|]+$", "");
    }

    /**
     * What each character OCR reads may really be (itself first), for the look-alikes OCR makes between
     * letters and digits: a letter read where the format wants a digit, and the few digits that stand for
     * one letter only (0 for O, 5 and $ for S). "8" may be B or S and "1" I or L, so where two readings fit
     * the format the token gives no hospital number; 2/Z and 6/G are left alone (a misread garbled digit
     * would too easily become another hospital number).
     */
    private static final java.util.Map<Character, String> LOOK_ALIKES = java.util.Map.ofEntries(
            java.util.Map.entry('0', "0O"), java.util.Map.entry('O', "O0"), java.util.Map.entry('D', "D0"),
            java.util.Map.entry('Q', "Q0"), java.util.Map.entry('5', "5S"), java.util.Map.entry('S', "S5"),
            java.util.Map.entry('$', "S5"), java.util.Map.entry('8', "8BS"), java.util.Map.entry('B', "B8"),
            java.util.Map.entry('1', "1IL"), java.util.Map.entry('I', "I1"), java.util.Map.entry('L', "L1"),
            java.util.Map.entry('|', "1I"), java.util.Map.entry('Z', "Z2"), java.util.Map.entry('G', "G6"),
            java.util.Map.entry('T', "T7"));

    private String readToken(String token) {
        String upper = token.toUpperCase();
        if (format.matches(upper)) {
            return upper;
        }
        List<Integer> ambiguous = new ArrayList<>();
        for (int i = 0; i < upper.length(); i++) {
            if (group(upper.charAt(i)) != null) {
                ambiguous.add(i);
            }
        }
        if (ambiguous.isEmpty() || ambiguous.size() > MAX_AMBIGUOUS_CHARS) {
            return null;
        }
        Set<String> matching = new LinkedHashSet<>();
        variants(upper.toCharArray(), ambiguous, 0, matching);
        return matching.size() == 1 ? matching.iterator().next() : null;
    }

    /** Every way of reading the ambiguous characters from position {@code k} on that matches the format. */
    private void variants(char[] chars, List<Integer> ambiguous, int k, Set<String> out) {
        if (out.size() > 1) {
            return;
        }
        if (k == ambiguous.size()) {
            String v = new String(chars);
            if (format.matches(v)) {
                out.add(v);
            }
            return;
        }
        int at = ambiguous.get(k);
        char original = chars[at];
        for (char c : group(original).toCharArray()) {
            chars[at] = c;
            variants(chars, ambiguous, k + 1, out);
        }
        chars[at] = original;
    }

    private static String group(char c) {
        return LOOK_ALIKES.get(c);
    }
}
