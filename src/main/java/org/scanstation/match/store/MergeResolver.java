package org.scanstation.match.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.scanstation.match.extract.Refusal;

/**
 * Turns the extract's retired registrations into retired identifiers, each pointing at its surviving
 * live patient. A merge into another retired registration is followed to its end (a chain); a merge
 * that cannot be followed, contradicts itself or another merge, or retires an identifier that a
 * different live patient still carries, is refused, and so is that live patient's row: the extract
 * says two things about one identifier and neither can be trusted.
 */
final class MergeResolver {

    private static final int MAX_CHAIN = 16;

    private final Connection db;
    private final GenerationBuilder builder;
    private final PreparedStatement liveByNhs;
    private final PreparedStatement liveByMrn;
    private final PreparedStatement mergeByNhs;
    private final PreparedStatement mergeByMrn;
    private final PreparedStatement stage;

    MergeResolver(Connection db, GenerationBuilder builder) throws SQLException {
        this.db = db;
        this.builder = builder;
        liveByNhs = db.prepareStatement("SELECT nhs, mrn, line FROM patient WHERE nhs = ?");
        liveByMrn = db.prepareStatement("SELECT nhs, mrn, line FROM patient WHERE mrn = ?");
        mergeByNhs = db.prepareStatement("SELECT into_nhs, into_mrn FROM merge_row WHERE nhs = ? ORDER BY line LIMIT 1");
        mergeByMrn = db.prepareStatement("SELECT into_nhs, into_mrn FROM merge_row WHERE mrn = ? ORDER BY line LIMIT 1");
        stage = db.prepareStatement("INSERT INTO retired_stage VALUES(?,?,?,?,?)");
    }

    private record Live(String nhs, String mrn, long line) {
    }

    void resolve() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT line, nhs, mrn, into_nhs, into_mrn, merged_on FROM merge_row ORDER BY line")) {
            while (rs.next()) {
                resolveRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6));
            }
        }
        refuseWhereSurvivorWasRefused();
        refuseContradictions();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO retired SELECT kind, value, survivor, min(merged_on), min(line)"
                    + " FROM retired_stage GROUP BY kind, value");
        }
    }

    private void resolveRow(long line, String nhs, String mrn, String intoNhs, String intoMrn, String mergedOn)
            throws SQLException {
        Live byNhs = intoNhs == null ? null : follow("nhs", intoNhs, 0);
        Live byMrn = intoMrn == null ? null : follow("mrn", intoMrn, 0);
        if (intoNhs != null && byNhs == null) {
            refuse(line, "merged_into_nhs_number", "NHS number " + GenerationBuilder.formattedNhs(intoNhs)
                    + " is not a live patient in this extract (nor merged into one)");
            return;
        }
        if (intoMrn != null && byMrn == null) {
            refuse(line, "merged_into_mrn", "hospital number " + intoMrn
                    + " is not a live patient in this extract (nor merged into one)");
            return;
        }
        if (byNhs != null && byMrn != null && !byNhs.nhs().equals(byMrn.nhs())) {
            refuse(line, "merged_into_mrn", "merged_into_nhs_number and merged_into_mrn name different patients (lines "
                    + byNhs.line() + " and " + byMrn.line() + ")");
            return;
        }
        Live survivor = byNhs != null ? byNhs : byMrn;
        boolean nhsRetired = !nhs.equals(survivor.nhs());
        boolean mrnRetired = mrn != null && !mrn.equals(survivor.mrn());
        if (!nhsRetired && !mrnRetired) {
            refuse(line, "merged_into_nhs_number", "nothing is retired: the row's NHS number and hospital number are"
                    + " those of the surviving patient (line " + survivor.line() + ")");
            return;
        }
        boolean conflict = false;
        if (nhsRetired) {
            conflict |= conflictsWithLive(line, "nhs_number", "NHS number " + GenerationBuilder.formattedNhs(nhs),
                    live(liveByNhs, nhs));
        }
        if (mrnRetired) {
            conflict |= conflictsWithLive(line, "mrn", "hospital number " + mrn, live(liveByMrn, mrn));
        }
        if (conflict) {
            return;
        }
        if (nhsRetired) {
            stage("NHS_NUMBER", nhs, survivor.nhs(), mergedOn, line);
        }
        if (mrnRetired) {
            stage("HOSPITAL_NUMBER", mrn, survivor.nhs(), mergedOn, line);
        }
    }

    /** True (and both rows refused) when a live patient still carries the identifier this merge retires. */
    private boolean conflictsWithLive(long line, String field, String what, Live live) throws SQLException {
        if (live == null) {
            return false;
        }
        refuse(line, field, what + " is retired by this merge but is still the live patient's on line "
                + live.line() + ": neither row is used");
        refuse(live.line(), field, what + " is retired by the merge on line " + line + ": neither row is used");
        try (PreparedStatement p = db.prepareStatement("DELETE FROM patient WHERE line = ?")) {
            p.setLong(1, live.line());
            p.executeUpdate();
        }
        return true;
    }

    /** The live patient an identifier leads to, following merges into merged registrations; null if none. */
    private Live follow(String kind, String value, int depth) throws SQLException {
        Live live = live(kind.equals("nhs") ? liveByNhs : liveByMrn, value);
        if (live != null || depth >= MAX_CHAIN) {
            return live;
        }
        PreparedStatement merge = kind.equals("nhs") ? mergeByNhs : mergeByMrn;
        merge.setString(1, value);
        String nextNhs;
        String nextMrn;
        try (ResultSet rs = merge.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            nextNhs = rs.getString(1);
            nextMrn = rs.getString(2);
        }
        return nextNhs != null ? follow("nhs", nextNhs, depth + 1) : follow("mrn", nextMrn, depth + 1);
    }

    private static Live live(PreparedStatement query, String value) throws SQLException {
        query.setString(1, value);
        try (ResultSet rs = query.executeQuery()) {
            return rs.next() ? new Live(rs.getString(1), rs.getString(2), rs.getLong(3)) : null;
        }
    }

    private void stage(String kind, String value, String survivor, String mergedOn, long line) throws SQLException {
        stage.setString(1, kind);
        stage.setString(2, value);
        stage.setString(3, survivor);
        stage.setString(4, mergedOn);
        stage.setLong(5, line);
        stage.executeUpdate();
    }

    /** A survivor refused later (it carried an identifier another merge retires): its merges cannot stand. */
    private void refuseWhereSurvivorWasRefused() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT line, survivor FROM retired_stage"
                     + " WHERE survivor NOT IN (SELECT nhs FROM patient)")) {
            while (rs.next()) {
                refuse(rs.getLong(1), "merged_into_nhs_number", "the surviving patient (NHS number "
                        + GenerationBuilder.formattedNhs(rs.getString(2)) + ") was refused, so this merge cannot be applied");
            }
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM retired_stage WHERE survivor NOT IN (SELECT nhs FROM patient)");
        }
    }

    /** One identifier retired into two different patients: every merge that says so is refused. */
    private void refuseContradictions() throws SQLException {
        String contradicted = "SELECT kind, value FROM retired_stage GROUP BY kind, value HAVING count(DISTINCT survivor) > 1";
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.line, r.kind, r.value FROM retired_stage r JOIN (" + contradicted
                     + ") c ON r.kind = c.kind AND r.value = c.value ORDER BY r.line")) {
            while (rs.next()) {
                boolean nhs = rs.getString(2).equals("NHS_NUMBER");
                refuse(rs.getLong(1), nhs ? "nhs_number" : "mrn", (nhs ? "NHS number "
                        + GenerationBuilder.formattedNhs(rs.getString(3)) : "hospital number " + rs.getString(3))
                        + " is merged into different patients by different rows: none of them is used");
            }
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM retired_stage WHERE line IN (SELECT r.line FROM retired_stage r JOIN ("
                    + contradicted + ") c ON r.kind = c.kind AND r.value = c.value)");
        }
    }

    private void refuse(long line, String field, String message) throws SQLException {
        builder.refuseLine(line, field, Refusal.Kind.MERGE, message);
        try (PreparedStatement p = db.prepareStatement("DELETE FROM retired_stage WHERE line = ?")) {
            p.setLong(1, line);
            p.executeUpdate();
        }
    }
}
