package org.scanstation.match.extract;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scanstation.model.NhsNumber;

/**
 * Checks one record of the extract against the header and the rules of each column. A row with any
 * problem is refused whole (every problem named with file, line and field): a half-trusted row is how a
 * page ends up in the wrong record. Duplicates and merges need the whole file and are checked by the
 * store.
 */
public final class RegistrationParser {

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> column = new HashMap<>();
    private final LocalDate today;

    private RegistrationParser(Path file, List<String> header, LocalDate today) {
        this.file = file;
        this.header = header;
        this.today = today;
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
    }

    /**
     * @throws ExtractException when a required column is missing, a column is named twice, or only
     *                          part of the merge columns is there
     */
    public static RegistrationParser forHeader(Path file, List<String> header, LocalDate today) throws ExtractException {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (!name.isEmpty() && header.indexOf(name) != i) {
                throw new ExtractException(new ExtractProblem(file, 1, name, "column named twice in the header"));
            }
        }
        for (String required : ExtractColumns.REQUIRED) {
            if (!header.contains(required)) {
                throw new ExtractException(new ExtractProblem(file, 1, required, "missing column (expected the header "
                        + String.join(",", ExtractColumns.REQUIRED) + ", optionally "
                        + String.join(",", ExtractColumns.MERGES) + ")"));
            }
        }
        long merges = ExtractColumns.MERGES.stream().filter(header::contains).count();
        if (merges > 0 && !header.contains(ExtractColumns.MERGED_ON)) {
            throw new ExtractException(new ExtractProblem(file, 1, ExtractColumns.MERGED_ON,
                    "missing column: a merge needs its date (merged_on, yyyy-MM-dd)"));
        }
        if (merges == 1) {
            throw new ExtractException(new ExtractProblem(file, 1, ExtractColumns.MERGED_ON,
                    "merged_on without merged_into_nhs_number or merged_into_mrn"));
        }
        return new RegistrationParser(file, header, today);
    }

    /** Header columns the station does not use (reported, never an error). */
    public List<String> ignoredColumns() {
        return header.stream().filter(h -> !ExtractColumns.REQUIRED.contains(h) && !ExtractColumns.MERGES.contains(h))
                .map(h -> h.isEmpty() ? "(unnamed)" : h).toList();
    }

    /** The row as a registration, or the reasons it is refused. */
    public Result parse(ExtractRecord record) {
        List<Refusal> refusals = new ArrayList<>();
        List<String> f = record.fields();
        long line = record.line();
        if (f.size() > header.size()) {
            String extra = f.get(header.size());
            refusals.add(refuse(Refusal.Kind.EXTRA_FIELDS, line, "column " + (header.size() + 1),
                    (f.size() - header.size() == 1 ? "an extra field" : (f.size() - header.size()) + " extra fields")
                            + " ('" + abbreviate(extra) + "'); the header has " + header.size() + " columns"));
            return new Result(null, refusals);
        }
        if (f.size() < header.size()) {
            List<String> missing = header.subList(f.size(), header.size());
            refusals.add(refuse(Refusal.Kind.MISSING_FIELDS, line, missing.get(0), "missing: the row has "
                    + f.size() + " fields, the header " + header.size() + " (no " + String.join(", ", missing) + ")"));
            return new Result(null, refusals);
        }
        String mergedIntoNhsText = value(f, ExtractColumns.MERGED_INTO_NHS_NUMBER);
        String mergedIntoMrn = upper(value(f, ExtractColumns.MERGED_INTO_MRN));
        boolean retired = !mergedIntoNhsText.isEmpty() || mergedIntoMrn != null;

        String nhs = nhsNumber(line, ExtractColumns.NHS_NUMBER, value(f, ExtractColumns.NHS_NUMBER), refusals);
        String mrn = upper(value(f, ExtractColumns.MRN));
        String family = value(f, ExtractColumns.FAMILY_NAME);
        String given = value(f, ExtractColumns.GIVEN_NAME);
        if (family.isEmpty() && !retired) {
            refusals.add(refuse(Refusal.Kind.INVALID_VALUE, line, ExtractColumns.FAMILY_NAME, "empty"));
        }
        LocalDate dob = date(line, ExtractColumns.DATE_OF_BIRTH, value(f, ExtractColumns.DATE_OF_BIRTH), !retired, refusals);
        if (dob != null && dob.isAfter(today)) {
            refusals.add(refuse(Refusal.Kind.INVALID_VALUE, line, ExtractColumns.DATE_OF_BIRTH, dob + " is in the future"));
        }
        String mergedIntoNhs = null;
        LocalDate mergedOn = null;
        if (retired) {
            if (!mergedIntoNhsText.isEmpty()) {
                mergedIntoNhs = nhsNumber(line, ExtractColumns.MERGED_INTO_NHS_NUMBER, mergedIntoNhsText, refusals);
            }
            mergedOn = date(line, ExtractColumns.MERGED_ON, value(f, ExtractColumns.MERGED_ON), true, refusals);
            if (mergedOn != null && mergedOn.isAfter(today)) {
                refusals.add(refuse(Refusal.Kind.MERGE, line, ExtractColumns.MERGED_ON, mergedOn + " is in the future"));
            }
        } else if (!value(f, ExtractColumns.MERGED_ON).isEmpty()) {
            refusals.add(refuse(Refusal.Kind.MERGE, line, ExtractColumns.MERGED_ON,
                    "a merge date but neither merged_into_nhs_number nor merged_into_mrn"));
        }
        if (!refusals.isEmpty()) {
            return new Result(null, refusals);
        }
        return new Result(new Registration(line, nhs, mrn, family, given, dob, value(f, ExtractColumns.SEX),
                value(f, ExtractColumns.POSTCODE), mergedIntoNhs, mergedIntoMrn, mergedOn), List.of());
    }

    /** A registration, or the refusals (never both). */
    public record Result(Registration registration, List<Refusal> refusals) {
    }

    private String nhsNumber(long line, String field, String text, List<Refusal> refusals) {
        if (text.isEmpty()) {
            refusals.add(refuse(Refusal.Kind.INVALID_NHS_NUMBER, line, field, "empty"));
            return null;
        }
        String digits = NhsNumber.normalise(text);
        if (digits == null) {
            refusals.add(refuse(Refusal.Kind.INVALID_NHS_NUMBER, line, field,
                    "'" + abbreviate(text) + "' is not an NHS number (ten digits)"));
            return null;
        }
        if (!NhsNumber.hasValidCheckDigit(digits)) {
            refusals.add(refuse(Refusal.Kind.INVALID_NHS_NUMBER, line, field, digits.substring(0, 3) + " "
                    + digits.substring(3, 6) + " " + digits.substring(6) + " fails the NHS number check digit"));
            return null;
        }
        return digits;
    }

    private LocalDate date(long line, String field, String text, boolean required, List<Refusal> refusals) {
        if (text.isEmpty()) {
            if (required) {
                refusals.add(refuse(field.equals(ExtractColumns.MERGED_ON) ? Refusal.Kind.MERGE : Refusal.Kind.INVALID_VALUE,
                        line, field, "empty"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            refusals.add(refuse(field.equals(ExtractColumns.MERGED_ON) ? Refusal.Kind.MERGE : Refusal.Kind.INVALID_VALUE,
                    line, field, "'" + abbreviate(text) + "' is not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    private String value(List<String> fields, String name) {
        Integer i = column.get(name);
        return i == null ? "" : fields.get(i).strip();
    }

    private static String upper(String s) {
        return s.isEmpty() ? null : s.toUpperCase(Locale.ROOT);
    }

    private Refusal refuse(Refusal.Kind kind, long line, String field, String message) {
        return new Refusal(kind, new ExtractProblem(file, line, field, message));
    }

    private static String abbreviate(String s) {
        String t = s.replace("\r", "\\r").replace("\n", "\\n");
        return t.length() <= 40 ? t : t.substring(0, 37) + "...";
    }
}
