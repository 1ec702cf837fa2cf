package org.scanstation.match.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What a refresh changes, patient by patient (by NHS number): patients added, patients whose details
 * changed, patients removed, and identifiers newly retired by merges.
 */
public record IndexChanges(long added, long changed, long removed, long newlyRetired, long previousPatients) {

    /** Compares two generations in SQLite itself (no patient is loaded into the heap). */
    static IndexChanges between(Path previous, Path next) throws SQLException {
        try (Connection db = SqliteFiles.openReadOnly(next);
             Statement s = db.createStatement()) {
            s.execute("ATTACH DATABASE '" + SqliteFiles.readOnlyUri(previous).replace("'", "''") + "' AS old");
            long added = count(s, "SELECT count(*) FROM patient n WHERE NOT EXISTS (SELECT 1 FROM old.patient o WHERE o.nhs = n.nhs)");
            long removed = count(s, "SELECT count(*) FROM old.patient o WHERE NOT EXISTS (SELECT 1 FROM patient n WHERE n.nhs = o.nhs)");
            long changed = count(s, "SELECT count(*) FROM patient n JOIN old.patient o ON o.nhs = n.nhs WHERE n.mrn IS NOT o.mrn"
                    + " OR n.family <> o.family OR n.given <> o.given OR n.dob <> o.dob OR n.sex <> o.sex OR n.postcode <> o.postcode");
            long retired = count(s, "SELECT count(*) FROM retired n WHERE NOT EXISTS (SELECT 1 FROM old.retired o"
                    + " WHERE o.kind = n.kind AND o.value = n.value AND o.survivor = n.survivor)");
            long before = count(s, "SELECT count(*) FROM old.patient");
            return new IndexChanges(added, changed, removed, retired, before);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Removed patients as a percentage of the previous index. */
    public double removedPercent() {
        return previousPatients == 0 ? 0 : 100.0 * removed / previousPatients;
    }

    /** "12 patients added, 3 changed, 1 removed; 2 identifiers newly merged". */
    public String describe() {
        return String.format("%,d patients added, %,d changed, %,d removed; %,d identifiers newly merged",
                added, changed, removed, newlyRetired);
    }
}
