package org.scanstation.logging;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one place patient identifiers are masked in text that leaves the process: the log file, the
 * command line's error output, error text kept in the store and shown by {@code queue}, and the
 * window's messages. It is a second line of defence: the station's code never puts patient data in
 * those messages, but a server's error or a library's exception may quote a folder path, a file name
 * or a value that contains one.
 *
 * <p>Masked, each replaced by a placeholder saying what was there:
 * <ul>
 *   <li>NHS numbers in any grouping of their ten digits ({@code 9434765919}, {@code 943 476 5919},
 *       {@code 943-476-5919}, {@code 999.459.5342}, {@code 94347 65919});</li>
 *   <li>hospital numbers: the trust's own pattern, and any code of one to three capital letters and
 *       six to nine digits ({@code K6174756}, {@code RX1234567});</li>
 *   <li>dates: ISO ({@code 1985-09-05}, also with {@code /} or {@code .}), day first
 *       ({@code 05/09/1985}, {@code 5-9-1985}, {@code 05.09.1985}, {@code 05/09/85}), and with the
 *       month in words ({@code 5 Sep 1985}, {@code 05-Sep-1985}, {@code September 5, 1985});</li>
 *   <li>names written {@code FAMILY, Given} ({@code BROWN, Sarah}, {@code O'NEIL-SMITH, Mary Ann})
 *       or after a title ({@code Mrs Sarah Brown}, {@code Dr. J Smith});</li>
 *   <li>UK postcodes ({@code SW1A 1AA}, {@code LS1 4AP}, {@code m1 1ae}).</li>
 * </ul>
 * A match must stand on its own (not inside a longer word or number), so batch ids, hashes and
 * object ids in hexadecimal are left alone.
 */
public final class Redactor {

    /** The default hospital number pattern: one capital letter, 7 digits (as in the station's defaults). */
    public static final String DEFAULT_HOSPITAL_NUMBER = "[A-Z][0-9]{7}";

    private static final String START = "(?<![\\p{L}\\p{N}])";
    private static final String END = "(?![\\p{L}\\p{N}])";
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final String DAY = "(?:0?[1-9]|[12][0-9]|3[01])";
    private static final String MONTH_NUMBER = "(?:0?[1-9]|1[0-2])";

    private static final List<Rule> FIXED = List.of(
            // dates first: a date's digits must not be taken for part of an NHS number
            new Rule(Pattern.compile(START + "(?:19|20)[0-9]{2}([-/.])" + MONTH_NUMBER + "\\1" + DAY
                    + "(?:T[0-9:.]+(?:Z|[+-][0-9:]+)?)?" + END), "[date]"),
            new Rule(Pattern.compile(START + DAY + "([-/.])" + MONTH_NUMBER + "\\1(?:19|20)[0-9]{2}" + END), "[date]"),
            new Rule(Pattern.compile(START + DAY + "/" + MONTH_NUMBER + "/[0-9]{2}" + END), "[date]"),
            new Rule(Pattern.compile(START + DAY + "(?:st|nd|rd|th)?[ -]" + MONTH + "[ ,-]{1,2}(?:19|20)?[0-9]{2}" + END,
                    Pattern.CASE_INSENSITIVE), "[date]"),
            new Rule(Pattern.compile(START + MONTH + " " + DAY + "(?:st|nd|rd|th)?,? (?:19|20)[0-9]{2}" + END,
                    Pattern.CASE_INSENSITIVE), "[date]"),
            new Rule(Pattern.compile(START + "[0-9](?:[ .-]?[0-9]){9}" + END), "[nhs-number]"),
            new Rule(Pattern.compile(START + "[A-Z]{1,3}[0-9]{6,9}" + END), "[hospital-number]"),
            new Rule(Pattern.compile(START + "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}" + END, Pattern.CASE_INSENSITIVE),
                    "[postcode]"),
            new Rule(Pattern.compile(START + "\\p{Lu}[\\p{Lu}'’-]+(?: \\p{Lu}[\\p{Lu}'’-]+)*, ?\\p{Lu}[\\p{L}'’-]*"
                    + "(?: \\p{Lu}[\\p{L}'’-]*)*"), "[name]"),
            new Rule(Pattern.compile(START + "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.? \\p{Lu}[\\p{L}'’-]*\\.?"
                    + "(?: \\p{Lu}[\\p{L}'’-]*\\.?)*"), "[name]"));

    private static volatile Redactor shared = new Redactor(DEFAULT_HOSPITAL_NUMBER);

    private final Pattern hospitalNumber;

    private record Rule(Pattern pattern, String placeholder) {
    }

    /** A redactor for the given hospital number pattern (a regular expression matching one number). */
    public Redactor(String hospitalNumberPattern) {
        String p = hospitalNumberPattern == null || hospitalNumberPattern.isBlank()
                ? DEFAULT_HOSPITAL_NUMBER : hospitalNumberPattern;
        this.hospitalNumber = Pattern.compile(START + "(?:" + p + ")" + END);
    }

    public static Redactor withDefaults() {
        return new Redactor(DEFAULT_HOSPITAL_NUMBER);
    }

    /** The redactor of this process: the trust's hospital number pattern once the configuration is read. */
    public static Redactor shared() {
        return shared;
    }

    /**
     * Makes {@link #shared()} mask the trust's own hospital numbers too. A pattern that is not a valid
     * regular expression is ignored (the configuration check reports it); the default stays.
     */
    public static void useHospitalNumberPattern(String pattern) {
        try {
            shared = new Redactor(pattern);
        } catch (PatternSyntaxException e) {
            shared = withDefaults();
        }
    }

    /** {@link #shared()}.{@link #redact(String)}: for one-off use where text leaves the process. */
    public static String mask(String text) {
        return shared.redact(text);
    }

    /** The text with every identifier replaced by a placeholder saying what was there. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (Rule r : FIXED) {
            s = r.pattern().matcher(s).replaceAll(r.placeholder());
        }
        return hospitalNumber.matcher(s).replaceAll("[hospital-number]");
    }
}
