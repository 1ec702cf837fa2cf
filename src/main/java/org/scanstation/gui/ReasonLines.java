package org.scanstation.gui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scanstation.station.DayFormat;

/**
 * The analysis's reasons as a person reads them: one per line, what stands against filing first, what
 * agrees after it and apart, dates written one way (16 Nov 1969), no line cut short. Where one label agrees
 * and another disagrees (two patients' labels on one page), the agreeing line says it is another label.
 */
public record ReasonLines(List<String> against, List<String> agreeing) {

    private static final String[] AGREEING = {"agrees with the index", "agreeing evidence", "is valid and in the index",
        "matched on", "no patient label on this page: it follows"};

    public ReasonLines {
        against = List.copyOf(against);
        agreeing = List.copyOf(agreeing);
    }

    public static ReasonLines of(List<String> reasons) {
        Set<String> against = new LinkedHashSet<>();
        Set<String> agreeing = new LinkedHashSet<>();
        for (String r : reasons) {
            String line = sentence(DayFormat.rewrite(r));
            if (isAgreeing(r)) {
                agreeing.add(line);
            } else {
                against.add(line);
            }
        }
        List<String> agree = new ArrayList<>();
        for (String a : agreeing) {
            agree.add(contradicted(a, against) ? "Another label: " + lowerFirst(a) : a);
        }
        return new ReasonLines(new ArrayList<>(against), agree);
    }

    private static boolean isAgreeing(String r) {
        String l = r.toLowerCase(Locale.ROOT);
        for (String a : AGREEING) {
            if (l.contains(a)) {
                return !l.contains("not in the index") && !l.contains("does not");
            }
        }
        return false;
    }

    /** "label name agrees" beside "label family name ... does not match": the agreeing one is about another label. */
    private static boolean contradicted(String agreeing, Set<String> against) {
        String a = agreeing.toLowerCase(Locale.ROOT);
        for (String fact : new String[]{"name", "date of birth"}) {
            if (a.contains(fact + " agrees")) {
                String subject = a.substring(0, a.indexOf(fact)).trim();
                for (String x : against) {
                    String l = x.toLowerCase(Locale.ROOT);
                    if (l.startsWith(subject) && l.contains(fact) && l.contains("does not match")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String sentence(String s) {
        String t = s.trim();
        return t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** Every line, against first, each on its own line with a mark: "✗ ..." then "✓ ...". */
    public String text() {
        List<String> lines = new ArrayList<>();
        against.forEach(a -> lines.add("\u2717 " + a));
        agreeing.forEach(a -> lines.add("\u2713 " + a));
        return String.join("\n", lines);
    }
}
