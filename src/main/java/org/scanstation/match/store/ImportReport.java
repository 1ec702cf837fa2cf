package org.scanstation.match.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scanstation.match.extract.ExtractProblem;
import org.scanstation.match.extract.Refusal;

/**
 * What an import did, in words for IT: rows read, patients and merged identifiers imported, rows refused
 * (counted by kind, the first ones listed with file, line and field), the changes against the index it
 * replaces, and whether it was switched to.
 *
 * @param changes  null for a first import
 * @param failure  null when the import was switched to; else why it was not
 * @param refusedFile where every refused row is listed; null for an index loaded into memory (nothing written)
 */
public record ImportReport(Path source, String charset, List<String> ignoredColumns, long rowsRead, long patients,
                           long retired, long refusedRows, Map<Refusal.Kind, Long> refusedByKind,
                           List<ExtractProblem> firstRefusals, IndexChanges changes, String generation,
                           Duration took, String failure, Path refusedFile) {

    static final int LISTED = 20;

    public boolean switched() {
        return failure == null;
    }

    /** The refused rows by kind: "2 invalid NHS number, 1 duplicate NHS number". */
    public String refusedCounts() {
        List<String> parts = new ArrayList<>();
        refusedByKind.forEach((k, n) -> parts.add(String.format("%,d %s", n, k.words())));
        return String.join(", ", parts);
    }

    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add("patient index import of " + source + (charset == null ? "" : ", character set " + charset));
        out.add(String.format("  rows read:           %,d", rowsRead));
        out.add(String.format("  patients:            %,d", patients));
        out.add(String.format("  merged identifiers:  %,d", retired));
        out.add(String.format("  refused rows:        %,d", refusedRows) + (refusedRows == 0 ? "" : " (" + refusedCounts() + ")"));
        firstRefusals.stream().limit(LISTED).forEach(p -> out.add("    " + p));
        if (firstRefusals.size() > LISTED || refusedRows > firstRefusals.size()) {
            out.add(refusedFile == null ? String.format("    ... and %,d more", refusedRows - Math.min(LISTED, firstRefusals.size()))
                    : "    ... every refused row is listed in " + refusedFile);
        }
        if (!ignoredColumns.isEmpty()) {
            out.add("  columns not used:    " + String.join(", ", ignoredColumns));
        }
        if (changes != null) {
            out.add("  changes:             " + changes.describe());
        }
        out.add(failure == null
                ? String.format("  switched to %s in %.1f s", generation, took.toMillis() / 1000.0)
                : "  NOT imported: " + failure);
        return out;
    }
}
