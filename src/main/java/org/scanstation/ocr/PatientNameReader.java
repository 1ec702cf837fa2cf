package org.scanstation.ocr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the patient's name from label text. Understands "Surname:/Forename:" fields, a "Name:" field
 * and a bare name line, written "FAMILY, Given", "Given FAMILY" or "FAMILY Given" (the family name is
 * the part before a comma, else the upper-case word(s)). A name whose family part cannot be told apart
 * ("John Smith", "JOHN SMITH") gives null: names are never guessed.
 */
final class PatientNameReader {

    /** A family and a given name (either may be null). */
    record Name(String family, String given) {
    }

    private static final String WORD = "\\p{L}[\\p{L}'\\-]*";
    private static final Pattern SURNAME = Pattern.compile(
            "\\b(?:Surname|Family\\s*name|Last\\s*name)\\s*[:.;]?\\s*(" + WORD + "(?:[ \\t]+" + WORD + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORENAME = Pattern.compile(
            "\\b(?:Fore\\s*names?|First\\s*names?|Given\\s*names?|Christian\\s*names?)\\s*[:.;]?\\s*(" + WORD + "(?:[ \\t]+" + WORD + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME_FIELD = Pattern.compile(
            "\\b(?:Patient\\s*name|Patient|Name)\\s*[:.;]\\s*(.+)", Pattern.CASE_INSENSITIVE);
    /** "Name:" as OCR sometimes misreads it at the start of a line ("ivame:", "Narne:", "Nome:"). */
    private static final Pattern MISREAD_NAME_FIELD = Pattern.compile(
            "^\\W{0,2}(?:[iIl|]?[vV]ame|Na[mr]n?e|N[oa]me|Narne|Harne|Name)\\s*[:;]\\s*(.+)$");
    private static final Pattern TITLE = Pattern.compile(
            "^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master|Mstr|Prof)\\.?\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISREAD_COMMA = Pattern.compile("^(\\p{Lu}[\\p{Lu}'\\-]+(?:\\s\\p{Lu}[\\p{Lu}'\\-]+)*)[.;](?=\\s)");
    private static final Pattern RULING_READ_AS_TEXT = Pattern.compile("^[|!\\[\\]{}_~`\"\\s]+|[|!\\[\\]{}_~`\"\\s]+$");
    private static final Pattern BRACKETS = Pattern.compile("\\s*\\([^)]*\\)\\s*");
    private static final Pattern LABEL_WORD = Pattern.compile(
            "(?i).*\\b(?:NHS|DOB|D\\.O\\.B|MRN|Hosp|Hospital|Consultant|Dept|Department|Infirmary|Dear|Re)\\b.*");
    private static final Pattern KEYWORD_END = Pattern.compile(
            "\\s+(?:Forenames?|First\\s*names?|Given\\s*names?|Surname|Sex|Gender|DOB|D\\.O\\.B|Born|NHS|MRN|Hosp)\\b.*$",
            Pattern.CASE_INSENSITIVE);

    private PatientNameReader() {
    }

    static Name read(String text) {
        Name fields = fromSurnameFields(text);
        if (fields != null) {
            return fields;
        }
        Matcher m = NAME_FIELD.matcher(text);
        java.util.Set<Name> named = new java.util.LinkedHashSet<>();
        while (m.find()) {
            String value = KEYWORD_END.matcher(m.group(1)).replaceFirst("");
            Name name = parseName(value);
            if (name != null) {
                named.add(name);
            }
        }
        if (!named.isEmpty()) {
            // two different "Name:" fields: two labels read as one, no name can be trusted
            return named.size() == 1 ? named.iterator().next() : null;
        }
        for (String line : text.split("\\R")) {
            Matcher misread = MISREAD_NAME_FIELD.matcher(line.strip());
            if (misread.matches()) {
                Name name = parseName(KEYWORD_END.matcher(misread.group(1)).replaceFirst(""));
                if (name != null) {
                    return name;
                }
            }
        }
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.matches(".*[0-9:].*") || LABEL_WORD.matcher(s).matches()) {
                continue;
            }
            Name name = parseName(s);
            if (name != null) {
                return name;
            }
        }
        return null;
    }

    private static Name fromSurnameFields(String text) {
        Matcher s = SURNAME.matcher(text);
        if (!s.find()) {
            return null;
        }
        String family = stripKeywordTail(s.group(1));
        Matcher f = FORENAME.matcher(text);
        String given = f.find() ? stripKeywordTail(f.group(1)) : null;
        return family.isEmpty() ? null : new Name(family, given == null || given.isEmpty() ? null : given);
    }

    private static String stripKeywordTail(String value) {
        return KEYWORD_END.matcher(value).replaceFirst("").strip();
    }

    /** "FAMILY, Given", "Given FAMILY", "FAMILY Given", with an optional title and "(M)" tags; else null. */
    static Name parseName(String raw) {
        String s = BRACKETS.matcher(raw).replaceAll(" ").strip();
        // the box's ruling read as characters at either end of the line: "| Name: Arjun MITCHELL |"
        s = RULING_READ_AS_TEXT.matcher(s).replaceAll("").strip();
        // OCR often reads the comma after an upper-case family name as a full stop or semicolon
        s = MISREAD_COMMA.matcher(s).replaceFirst("$1,");
        s = TITLE.matcher(s).replaceFirst("");
        if (s.isEmpty()) {
            return null;
        }
        int comma = s.indexOf(',');
        if (comma >= 0) {
            String family = s.substring(0, comma).strip();
            String given = TITLE.matcher(s.substring(comma + 1).strip()).replaceFirst("").strip();
            if (!allWords(family) || !allWords(given) || words(family).size() > 3 || words(given).size() > 4
                    || !printedLikeAName(family) || !hasVowel(family)) {
                return null;
            }
            return new Name(family, printedLikeAName(given) ? given : null);
        }
        List<String> words = words(s);
        if (words.size() < 2 || words.size() > 5 || !allWords(s)) {
            return null;
        }
        int firstCaps = -1;
        int lastCaps = -1;
        int caps = 0;
        for (int i = 0; i < words.size(); i++) {
            if (isUpperCaseName(words.get(i))) {
                caps++;
                if (firstCaps < 0) {
                    firstCaps = i;
                }
                lastCaps = i;
            } else if (!isMixedCaseName(words.get(i))) {
                return null;
            }
        }
        boolean contiguous = caps > 0 && lastCaps - firstCaps + 1 == caps;
        if (!contiguous || caps == words.size()) {
            return null;
        }
        if (firstCaps == 0) {
            return new Name(String.join(" ", words.subList(0, caps)), String.join(" ", words.subList(caps, words.size())));
        }
        if (lastCaps == words.size() - 1) {
            return new Name(String.join(" ", words.subList(firstCaps, words.size())), String.join(" ", words.subList(0, firstCaps)));
        }
        return null;
    }

    /** A printed name part: "KING", "King", "McDonald", "McDONALD"; OCR garbage mixes cases ("QIStulrvedu"). */
    private static final Pattern NAME_PART = Pattern.compile("(?:Mc|Mac)?\\p{Lu}(?:\\p{Lu}*|\\p{Ll}*)");

    /**
     * True when every word, and every part of it between hyphens and apostrophes, is capitalised as names
     * are printed (all capitals, or one capital then small letters).
     */
    static boolean printedLikeAName(String name) {
        for (String part : name.strip().split("[\\s'\\-]+")) {
            if (!part.isEmpty() && !NAME_PART.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVowel(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).toUpperCase().matches(".*[AEIOUY].*");
    }

    private static List<String> words(String s) {
        return new ArrayList<>(Arrays.asList(s.strip().split("\\s+")));
    }

    private static boolean allWords(String s) {
        return !s.isBlank() && s.strip().matches(WORD + "(?:\\s+" + WORD + ")*");
    }

    private static boolean isUpperCaseName(String w) {
        String letters = w.replaceAll("[^\\p{L}]", "");
        return letters.length() >= 2 && letters.equals(letters.toUpperCase());
    }

    private static boolean isMixedCaseName(String w) {
        return Character.isUpperCase(w.charAt(0)) && !w.equals(w.toUpperCase());
    }
}
