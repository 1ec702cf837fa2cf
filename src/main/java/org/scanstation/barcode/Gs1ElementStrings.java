package org.scanstation.barcode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses GS1 element strings into application identifier (AI) to value, in both forms a barcode
 * may carry: the raw form (FNC1 first, shown as a leading GS character or a {@code ]d2}/{@code ]C1}/
 * {@code ]Q3}/{@code ]e0} symbology identifier, with GS between variable-length fields) and the
 * human-readable form with parenthesised AIs, e.g. {@code (01)09501101530003(17)260101(10)AB12}.
 * Anything that does not parse completely is not GS1 (empty result): a half-parsed element string
 * would risk wrong values.
 */
final class Gs1ElementStrings {

    static final char GS = '\u001d';

    private static final Pattern HRI = Pattern.compile("(?:\\((\\d{2,4})\\)([^()]+))+");
    private static final Pattern HRI_PART = Pattern.compile("\\((\\d{2,4})\\)([^()]+)");

    private Gs1ElementStrings() {
    }

    static Optional<Map<String, String>> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.startsWith("(")) {
            return parseHri(t);
        }
        String body;
        if (!text.isEmpty() && text.charAt(0) == GS) {
            body = text.substring(1);
        } else if (text.startsWith("]d2") || text.startsWith("]C1") || text.startsWith("]Q3")
                || text.startsWith("]e0")) {
            body = text.substring(3);
        } else {
            return Optional.empty();
        }
        return parseRaw(body);
    }

    private static Optional<Map<String, String>> parseHri(String t) {
        if (!HRI.matcher(t).matches()) {
            return Optional.empty();
        }
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = HRI_PART.matcher(t);
        while (m.find()) {
            String ai = m.group(1);
            String value = m.group(2).strip();
            int fixed = fixedLength(ai);
            if (aiLength(ai) != ai.length() || (fixed > 0 && (value.length() != fixed || !value.matches("\\d+")))
                    || value.length() > maxLength(ai) || out.containsKey(ai)) {
                return Optional.empty();
            }
            out.put(ai, value);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableMap(out));
    }

    private static Optional<Map<String, String>> parseRaw(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) == GS) {
                i++;
                continue;
            }
            int aiLen = aiLength(body.substring(i, Math.min(body.length(), i + 2)));
            if (aiLen < 0 || i + aiLen > body.length()) {
                return Optional.empty();
            }
            String ai = body.substring(i, i + aiLen);
            if (!ai.matches("\\d+")) {
                return Optional.empty();
            }
            i += aiLen;
            int fixed = fixedLength(ai);
            String value;
            if (fixed > 0) {
                if (i + fixed > body.length()) {
                    return Optional.empty();
                }
                value = body.substring(i, i + fixed);
                if (!value.matches("\\d+")) {
                    return Optional.empty();
                }
                i += fixed;
            } else {
                int end = body.indexOf(GS, i);
                if (end < 0) {
                    end = body.length();
                }
                value = body.substring(i, end);
                i = end;
            }
            if (value.isEmpty() || value.length() > maxLength(ai) || out.containsKey(ai)) {
                return Optional.empty();
            }
            out.put(ai, value);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(Collections.unmodifiableMap(out));
    }

    /** Number of digits of the AI that starts with these two digits, or -1 when unknown. */
    static int aiLength(String firstTwo) {
        if (firstTwo.length() < 2 || !firstTwo.substring(0, 2).matches("\\d\\d")) {
            return -1;
        }
        int p = Integer.parseInt(firstTwo.substring(0, 2));
        if (p <= 22 || p == 30 || p == 37 || p >= 90) {
            return p == 14 || p == 18 || p == 19 ? -1 : 2;
        }
        if (p == 23 || p == 24 || p == 25 || p == 40 || p == 41 || p == 42) {
            return 3;
        }
        if ((p >= 31 && p <= 36) || p == 39 || p == 43 || (p >= 70 && p <= 72) || (p >= 80 && p <= 82)) {
            return 4;
        }
        return -1;
    }

    /** Data length of fixed-length AIs, 0 for variable length. */
    static int fixedLength(String ai) {
        switch (ai) {
            case "00", "8006", "8017", "8018":
                return 18;
            case "01", "02", "03", "8001":
                return 14;
            case "04":
                return 16;
            case "11", "12", "13", "15", "16", "17", "8005", "7006":
                return 6;
            case "20":
                return 2;
            case "7003":
                return 10;
            default:
                break;
        }
        if (ai.length() == 4 && ai.charAt(0) == '3' && ai.charAt(1) >= '1' && ai.charAt(1) <= '6') {
            return 6;
        }
        if (ai.length() == 3 && ai.startsWith("41")) {
            return 13;
        }
        return 0;
    }

    private static int maxLength(String ai) {
        int fixed = fixedLength(ai);
        if (fixed > 0) {
            return fixed;
        }
        return switch (ai) {
            case "10", "21", "22", "420" -> 20;
            case "30", "37" -> 8;
            default -> ai.compareTo("91") >= 0 && ai.length() == 2 ? 90 : 70;
        };
    }
}
