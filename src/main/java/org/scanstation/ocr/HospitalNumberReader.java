package org.scanstation.ocr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Reads the hospital number (MRN) of a label: the token after a keyword ("Hosp No", "Hospital No",
 * "Hospital Number", "MRN", "Unit No", "Case No", "RXX No"...) that matches the trust's
 * {@link HospitalNumberFormat}; failing that, a token standing alone that matches the format exactly.
 * O/0 confusions are tolerated only where the pattern demands: a token that does not match as read
 * is accepted when exactly one way of reading its O/0 characters matches.
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
        return token.replaceAll("^[^A-Za-z0-9]+|[^A-Za-z0-9]+$", "");
    }

    private String readToken(String token) {
        String upper = token.toUpperCase();
        if (format.matches(upper)) {
            return upper;
        }
        List<Integer> ambiguous = new ArrayList<>();
        for (int i = 0; i < upper.length(); i++) {
            if (upper.charAt(i) == 'O' || upper.charAt(i) == '0') {
                ambiguous.add(i);
            }
        }
        if (ambiguous.isEmpty() || ambiguous.size() > MAX_AMBIGUOUS_CHARS) {
            return null;
        }
        Optional<String> only = Optional.empty();
        char[] chars = upper.toCharArray();
        for (int mask = 0; mask < (1 << ambiguous.size()); mask++) {
            for (int b = 0; b < ambiguous.size(); b++) {
                chars[ambiguous.get(b)] = ((mask >> b) & 1) == 1 ? 'O' : '0';
            }
            String variant = new String(chars);
            if (format.matches(variant)) {
                if (only.isPresent()) {
                    return null;
                }
                only = Optional.of(variant);
            }
        }
        return only.orElse(null);
    }
}
