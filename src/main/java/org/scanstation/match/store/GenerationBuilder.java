package org.scanstation.match.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.scanstation.match.SearchKeys;
import org.scanstation.match.extract.ExtractProblem;
import org.scanstation.match.extract.Refusal;
import org.scanstation.match.extract.Registration;

/**
 * Writes one index generation: the checked rows go in as they are read, then the rules that need the
 * whole extract are applied (an NHS number or hospital number on two live rows: neither row is used;
 * merges resolved to their surviving patient, conflicting ones refused), then the look-up indexes are
 * built. Nothing is held in the heap per patient: duplicates and merges are found by the store itself.
 */
final class GenerationBuilder implements AutoCloseable {

    private static final int BATCH = 5000;

    /** The generation's file; null for one in memory. */
    private final Path file;
    private final Connection db;
    private final PreparedStatement insertPatient;
    private final PreparedStatement insertMerge;
    private final PreparedStatement insertRefused;
    private int pending;
    private boolean finished;
    private boolean handedOver;

    private GenerationBuilder(Path file, Connection db) throws SQLException {
        this.file = file;
        this.db = db;
        insertPatient = db.prepareStatement("INSERT INTO patient VALUES(?,?,?,?,?,?,?,?,?,?)");
        insertMerge = db.prepareStatement("INSERT INTO merge_row VALUES(?,?,?,?,?,?)");
        insertRefused = db.prepareStatement("INSERT INTO refused VALUES(?,?,?,?)");
    }

    /** A new, empty generation in {@code file} (which must not exist). */
    static GenerationBuilder create(Path file) throws SQLException {
        return start(file, SqliteFiles.openForWriting(file));
    }

    /**
     * A new, empty generation in native memory (not the Java heap), for an index made for one run from a
     * CSV file: nothing is written to any disk, and it is gone when it is closed or the program ends.
     * {@link #finish} then leaves it open, read-only, for {@link #builtInMemory()}.
     */
    static GenerationBuilder inMemory() throws SQLException {
        return start(null, SqliteFiles.openInMemory());
    }

    private static GenerationBuilder start(Path file, Connection db) throws SQLException {
        try (Statement s = db.createStatement()) {
            // A generation is written once and used only after it is complete, fsynced and switched to:
            // no journal is needed while it is written. Temporary data (sorts, statement journals) stays
            // in memory (SqliteFiles), never in SQLite's temporary directory.
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA cache_size=-32768");
            for (String ddl : IndexSchema.TABLES) {
                s.execute(ddl);
            }
            db.setAutoCommit(false);
            return new GenerationBuilder(file, db);
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }

    void add(Registration r) throws SQLException {
        if (r.retired()) {
            insertMerge.setLong(1, r.line());
            insertMerge.setString(2, r.nhs());
            insertMerge.setString(3, r.mrn());
            insertMerge.setString(4, r.mergedIntoNhs());
            insertMerge.setString(5, r.mergedIntoMrn());
            insertMerge.setString(6, r.mergedOn().toString());
            insertMerge.addBatch();
        } else {
            insertPatient.setString(1, r.nhs());
            insertPatient.setString(2, r.mrn());
            insertPatient.setString(3, r.familyName());
            insertPatient.setString(4, r.givenName());
            insertPatient.setString(5, r.dateOfBirth().toString());
            insertPatient.setString(6, r.sex());
            insertPatient.setString(7, r.postcode());
            insertPatient.setString(8, SearchKeys.name(r.familyName()));
            insertPatient.setString(9, SearchKeys.name(r.givenName()));
            insertPatient.setLong(10, r.line());
            insertPatient.addBatch();
        }
        flushIfFull();
    }

    void refuse(Refusal r) throws SQLException {
        ExtractProblem p = r.problem();
        insertRefused.setLong(1, p.line());
        insertRefused.setString(2, p.field());
        insertRefused.setString(3, r.kind().name());
        insertRefused.setString(4, p.message());
        insertRefused.addBatch();
        flushIfFull();
    }

    private void flushIfFull() throws SQLException {
        if (++pending >= BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        insertPatient.executeBatch();
        insertMerge.executeBatch();
        insertRefused.executeBatch();
        pending = 0;
    }

    /**
     * Applies the whole-file rules, builds the indexes, records {@code meta} and makes the file durable.
     *
     * @return the counts of what is in the generation
     */
    Contents finish(Map<String, String> meta, Path extract) throws SQLException, IOException {
        flush();
        refuseDuplicates("nhs", Refusal.Kind.DUPLICATE_NHS_NUMBER, "nhs_number", "NHS number");
        refuseDuplicates("mrn", Refusal.Kind.DUPLICATE_HOSPITAL_NUMBER, "mrn", "hospital number");
        try (Statement s = db.createStatement()) {
            for (String ddl : IndexSchema.IDENTIFIER_INDEXES) {
                s.execute(ddl);
            }
            s.execute("CREATE INDEX merge_nhs ON merge_row(nhs)");
            s.execute("CREATE INDEX merge_mrn ON merge_row(mrn)");
        }
        new MergeResolver(db, this).resolve();
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE merge_row");
            s.execute("DROP TABLE retired_stage");
            for (String ddl : IndexSchema.INDEXES) {
                s.execute(ddl);
            }
            s.execute("PRAGMA analysis_limit=2000");
            s.execute("ANALYZE");
        }
        Contents contents = contents(extract);
        try (PreparedStatement p = db.prepareStatement("INSERT INTO meta VALUES(?,?)")) {
            Map<String, String> all = new java.util.LinkedHashMap<>(meta);
            all.put("format", IndexSchema.FORMAT);
            all.put("patients", Long.toString(contents.patients()));
            all.put("retired", Long.toString(contents.retired()));
            all.put("refused_rows", Long.toString(contents.refusedRows()));
            for (Map.Entry<String, String> e : all.entrySet()) {
                p.setString(1, e.getKey());
                p.setString(2, e.getValue());
                p.addBatch();
            }
            p.executeBatch();
        }
        db.commit();
        if (file == null) {
            insertPatient.close();
            insertMerge.close();
            insertRefused.close();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA query_only=1");
            }
            finished = true;
            return contents;
        }
        db.close();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        return contents;
    }

    /**
     * The finished in-memory generation's database, read-only; from now on the caller closes it.
     *
     * @throws IllegalStateException when this generation is a file or is not finished
     */
    Connection builtInMemory() {
        if (file != null || !finished) {
            throw new IllegalStateException("not a finished in-memory generation");
        }
        handedOver = true;
        return db;
    }

    /** Patients, retired identifiers and refused rows (by kind) now in the generation. */
    record Contents(long patients, long retired, long refusedRows, Map<Refusal.Kind, Long> refusedByKind,
                    List<ExtractProblem> firstRefusals) {
    }

    private Contents contents(Path extract) throws SQLException {
        Map<Refusal.Kind, Long> byKind = new EnumMap<>(Refusal.Kind.class);
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT kind, count(DISTINCT line) FROM refused GROUP BY kind")) {
            while (rs.next()) {
                byKind.put(Refusal.Kind.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        return new Contents(count("SELECT count(*) FROM patient"), count("SELECT count(*) FROM retired"),
                count("SELECT count(DISTINCT line) FROM refused"), byKind, refusals(db, extract, 1000));
    }

    static List<ExtractProblem> refusals(Connection db, Path file, int limit) throws SQLException {
        List<ExtractProblem> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT line, field, message FROM refused ORDER BY line, rowid LIMIT ?")) {
            p.setInt(1, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new ExtractProblem(file, rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Rows sharing an identifier: every one of them is refused, since none can be trusted over the other. */
    private void refuseDuplicates(String column, Refusal.Kind kind, String field, String words) throws SQLException {
        String dup = "SELECT " + column + " FROM patient WHERE " + column + " IS NOT NULL GROUP BY " + column
                + " HAVING count(*) > 1";
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + ", group_concat(line, ', ') FROM patient WHERE "
                     + column + " IN (" + dup + ") GROUP BY " + column)) {
            while (rs.next()) {
                String value = rs.getString(1);
                String lines = rs.getString(2);
                String shown = kind == Refusal.Kind.DUPLICATE_NHS_NUMBER ? formattedNhs(value) : value;
                String[] all = lines.split(", ");
                for (String line : all) {
                    refuseLine(Long.parseLong(line), field, kind, words + " " + shown + " appears on " + all.length
                            + " rows (lines " + lines + "): none of them is used");
                }
            }
        }
        flush();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM patient WHERE " + column + " IN (" + dup + ")");
        }
    }

    void refuseLine(long line, String field, Refusal.Kind kind, String message) throws SQLException {
        insertRefused.setLong(1, line);
        insertRefused.setString(2, field);
        insertRefused.setString(3, kind.name());
        insertRefused.setString(4, message);
        insertRefused.executeUpdate();
    }

    static String formattedNhs(String digits) {
        return digits == null || digits.length() != 10 ? String.valueOf(digits)
                : digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /**
     * Abandons the generation unless it was handed over (the caller deletes the file); an in-memory one is
     * simply released.
     */
    @Override
    public void close() {
        if (handedOver) {
            return;
        }
        try {
            if (!db.isClosed() && !db.getAutoCommit()) {
                db.rollback();
            }
        } catch (SQLException e) {
            // closed next; the file is deleted after
        }
        try {
            db.close();
        } catch (SQLException e) {
            // the file is deleted next
        }
    }
}
