package org.scanstation.ocr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ten digits printed after an "NHS" keyword on a label ("NHS No: 999 618 5311",
 * "NHS Number: 999-618-5311", "NHS No. 9991518150"; OCR often reads the full stop as a comma). Inside that digit group only, the usual OCR
 * confusions are undone (O/o/D to 0, l/I/| to 1, S/$ to 5, B to 8). The check digit is neither fixed
 * nor validated: the digits are returned as printed, or null when there are not exactly ten.
 */
final class NhsDigitsReader {

    private static final Pattern KEYWORD = Pattern.compile(
            "\\bNH[S5]\\s*(?:No\\b\\.?|Number\\b|Num\\b\\.?|#)?\\s*[:.;,]?", Pattern.CASE_INSENSITIVE);
    /** A token made only of digits and characters OCR confuses with digits. */
    private static final Pattern DIGITISH = Pattern.compile("[0-9OoDlI|SB$]+");

    private NhsDigitsReader() {
    }

    /** The digits after the NHS keyword; null when none, or when two different numbers are printed (two labels). */
    static String read(String text) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        Matcher m = KEYWORD.matcher(text);
        while (m.find()) {
            String digits = digitsAfter(text.substring(m.end()));
            if (digits != null) {
                found.add(digits);
            }
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    /** The ten digits at the start of the text (after spaces), groups separated by single spaces or dashes. */
    private static String digitsAfter(String rest) {
        String line = rest.lines().findFirst().orElse("").strip();
        String[] tokens = line.split("[\\s\\-]+");
        StringBuilder digits = new StringBuilder();
        int realDigits = 0;
        for (String token : tokens) {
            if (digits.length() >= 10 || !DIGITISH.matcher(token).matches() || !token.matches(".*[0-9].*")) {
                break;
            }
            for (char c : token.toCharArray()) {
                digits.append(undoConfusion(c));
                if (Character.isDigit(c)) {
                    realDigits++;
                }
            }
        }
        if (digits.length() != 10 || realDigits < 7) {
            return null;
        }
        return digits.toString();
    }

    private static char undoConfusion(char c) {
        return switch (c) {
            case 'O', 'o', 'D' -> '0';
            case 'l', 'I', '|' -> '1';
            case 'S', '$' -> '5';
            case 'B' -> '8';
            default -> c;
        };
    }
}
