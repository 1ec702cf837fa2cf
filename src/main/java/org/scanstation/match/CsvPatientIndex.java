package org.scanstation.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;

/**
 * The patient index as a CSV file with the header
 * {@code nhs_number,mrn,family_name,given_name,date_of_birth,sex,postcode} (dates ISO yyyy-MM-dd).
 * Loading is strict: a row with an invalid NHS number, a bad date or a duplicate identifier makes the
 * whole index unusable, with the file and line in the message, because matching against a corrupt
 * index is how pages end up in the wrong record.
 */
public final class CsvPatientIndex implements PatientIndex {

    static final List<String> HEADER =
            List.of("nhs_number", "mrn", "family_name", "given_name", "date_of_birth", "sex", "postcode");

    private final Map<String, Patient> byNhs;
    private final Map<String, Patient> byMrn;
    private final List<Patient> all;

    private CsvPatientIndex(Map<String, Patient> byNhs, Map<String, Patient> byMrn, List<Patient> all) {
        this.byNhs = byNhs;
        this.byMrn = byMrn;
        this.all = all;
    }

    public static CsvPatientIndex load(Path file) throws PatientIndexException {
        List<String> lines;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = in.lines().toList();
        } catch (NoSuchFileException e) {
            throw new PatientIndexException("patient index not found: " + file);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new PatientIndexException("cannot read patient index " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new PatientIndexException(file + ": empty file, expected the header " + String.join(",", HEADER));
        }
        List<String> header = split(stripBom(lines.get(0))).stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.put(header.get(i), i);
        }
        for (String h : HEADER) {
            if (!col.containsKey(h)) {
                throw new PatientIndexException(file + ":1: missing column '" + h + "' (expected header "
                        + String.join(",", HEADER) + ")");
            }
        }
        Map<String, Patient> byNhs = new LinkedHashMap<>();
        Map<String, Patient> byMrn = new HashMap<>();
        List<Patient> all = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + (n + 1) + ": ";
            List<String> f = split(line);
            if (f.size() < header.size()) {
                throw new PatientIndexException(where + "expected " + header.size() + " fields, found " + f.size());
            }
            String nhs = NhsNumber.normalise(f.get(col.get("nhs_number")));
            if (nhs == null || !NhsNumber.hasValidCheckDigit(nhs)) {
                throw new PatientIndexException(where + "invalid NHS number");
            }
            LocalDate dob;
            try {
                dob = LocalDate.parse(f.get(col.get("date_of_birth")).trim());
            } catch (DateTimeParseException e) {
                throw new PatientIndexException(where + "date_of_birth is not a date (yyyy-MM-dd)");
            }
            String mrn = f.get(col.get("mrn")).trim().toUpperCase(Locale.ROOT);
            String family = f.get(col.get("family_name")).trim();
            String given = f.get(col.get("given_name")).trim();
            if (family.isEmpty()) {
                throw new PatientIndexException(where + "family_name is empty");
            }
            Patient p = new Patient(new NhsNumber(nhs), mrn.isEmpty() ? null : mrn, family, given, dob,
                    f.get(col.get("sex")).trim(), f.get(col.get("postcode")).trim());
            if (byNhs.putIfAbsent(nhs, p) != null) {
                throw new PatientIndexException(where + "NHS number appears twice in the index");
            }
            if (p.mrn() != null && byMrn.putIfAbsent(p.mrn(), p) != null) {
                throw new PatientIndexException(where + "hospital number appears twice in the index");
            }
            all.add(p);
        }
        return new CsvPatientIndex(byNhs, byMrn, Collections.unmodifiableList(all));
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Splits one CSV line (RFC 4180 quotes, no embedded new lines). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public Optional<Patient> byNhsNumber(String digits) {
        return Optional.ofNullable(byNhs.get(digits));
    }

    @Override
    public Optional<Patient> byHospitalNumber(String mrn) {
        return mrn == null ? Optional.empty() : Optional.ofNullable(byMrn.get(mrn.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<Patient> search(String query, int limit) {
        String q = query == null ? "" : query.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (q.isEmpty()) {
            return List.of();
        }
        List<Patient> out = new ArrayList<>();
        for (Patient p : all) {
            String hay = (p.nhsNumber().digits() + " " + p.mrn() + " " + p.familyName() + p.givenName() + " "
                    + p.givenName() + p.familyName()).toUpperCase(Locale.ROOT).replace(" ", "");
            if (hay.contains(q)) {
                out.add(p);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public int size() {
        return all.size();
    }
}
