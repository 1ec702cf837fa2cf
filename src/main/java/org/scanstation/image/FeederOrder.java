package org.scanstation.image;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The order of a folder's page files, which is the order the pages came out of the feeder: natural
 * order, where numbers within names compare as numbers ({@code out2} before {@code out10}, as
 * {@code scanimage --batch} numbers them). When the numbering does not say one order, the folder is
 * refused rather than guessed: two files standing for the same position ({@code page7.jpg} and
 * {@code page07.png}), or one series numbered both with and without leading zeros ({@code out05} and
 * {@code out7}), where name order and number order disagree and either could be what the device meant.
 */
public final class FeederOrder {

    /** Natural order of file names. */
    public static final Comparator<String> NATURAL = FeederOrder::compareNames;

    private FeederOrder() {
    }

    /**
     * The files (all directly in one folder) in feeder order.
     *
     * @throws InputException when the numbering is ambiguous; the message names the files and says what to do
     */
    public static List<Path> sort(Path folder, List<Path> files) throws InputException {
        Map<String, String> byPosition = new HashMap<>();
        Map<String, String[]> paddedBySeries = new HashMap<>();
        Map<String, String[]> shortBySeries = new HashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            List<String> tokens = tokens(stem(name));
            // only numbered names stand for a position; unnumbered ones keep plain name order
            String position = position(tokens);
            String earlier = tokens.stream().anyMatch(FeederOrder::isDigits) ? byPosition.putIfAbsent(position, name) : null;
            if (earlier != null) {
                throw new InputException("the order of the pages in " + folder + " is ambiguous: " + earlier + " and "
                        + name + " stand for the same position in the feeder order; rename or remove one of them");
            }
            String series = series(tokens);
            int run = 0;
            for (String t : tokens) {
                if (isDigits(t)) {
                    String key = series + "|" + run++;
                    if (t.length() > 1 && t.charAt(0) == '0') {
                        paddedBySeries.merge(key, new String[] {name, Integer.toString(t.length())},
                                (a, b) -> Integer.parseInt(a[1]) >= Integer.parseInt(b[1]) ? a : b);
                    } else {
                        shortBySeries.merge(key, new String[] {name, Integer.toString(t.length())},
                                (a, b) -> Integer.parseInt(a[1]) <= Integer.parseInt(b[1]) ? a : b);
                    }
                }
            }
        }
        for (Map.Entry<String, String[]> padded : paddedBySeries.entrySet()) {
            String[] shortest = shortBySeries.get(padded.getKey());
            int width = Integer.parseInt(padded.getValue()[1]);
            if (shortest != null && Integer.parseInt(shortest[1]) < width) {
                throw new InputException("the order of the pages in " + folder + " is ambiguous: "
                        + padded.getValue()[0] + " is numbered with leading zeros (" + width + " digits) and "
                        + shortest[0] + " without, so name order and number order disagree; number every file"
                        + " the same way");
            }
        }
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(p -> p.getFileName().toString(), NATURAL));
        return sorted;
    }

    static int compareNames(String a, String b) {
        List<String> ta = tokens(a);
        List<String> tb = tokens(b);
        for (int i = 0; i < Math.min(ta.size(), tb.size()); i++) {
            String x = ta.get(i);
            String y = tb.get(i);
            int c;
            if (isDigits(x) && isDigits(y)) {
                c = new BigInteger(x).compareTo(new BigInteger(y));
                if (c == 0) {
                    c = Integer.compare(y.length(), x.length());
                }
            } else {
                c = x.compareTo(y);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ta.size(), tb.size());
    }

    /** The name without its extension, lower case (case alone never orders pages). */
    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }

    /** Runs of digits and runs of everything else. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            boolean digit = Character.isDigit(s.charAt(i)) && s.charAt(i) < 128;
            int j = i + 1;
            while (j < s.length() && (Character.isDigit(s.charAt(j)) && s.charAt(j) < 128) == digit) {
                j++;
            }
            out.add(s.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean isDigits(String t) {
        return !t.isEmpty() && t.charAt(0) >= '0' && t.charAt(0) <= '9';
    }

    /** The position a name stands for: its text, with each number as its value. */
    private static String position(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            b.append(isDigits(t) ? "#" + new BigInteger(t) + "#" : t);
        }
        return b.toString();
    }

    /** The series a name belongs to: its text, with each number as a placeholder. */
    private static String series(List<String> tokens) {
        StringBuilder b = new StringBuilder();
        for (String t : tokens) {
            b.append(isDigits(t) ? "#" : t);
        }
        return b.toString();
    }
}
