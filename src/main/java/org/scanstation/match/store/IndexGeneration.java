package org.scanstation.match.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scanstation.match.IdentifierRead;
import org.scanstation.match.PatientIndex;
import org.scanstation.match.PatientIndexException;
import org.scanstation.match.PatientIndexUnavailableException;
import org.scanstation.match.PatientQuery;
import org.scanstation.match.RetiredIdentifier;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.Patient;

/**
 * One imported index generation, read-only: every look-up is a query on the file's B-tree indexes, so
 * the heap holds no patients; SQLite's page cache (outside the heap, a few MB) and the OS cache do the
 * rest. The file is opened immutable: a generation never changes once it is switched to.
 */
public final class IndexGeneration implements PatientIndex {

    private final Path file;
    private final Connection db;
    private final Map<String, String> meta;
    private final int size;
    private final PreparedStatement byNhs;
    private final PreparedStatement byMrn;
    private final PreparedStatement retired;
    /** The few search statements (one per kind of query), prepared once. */
    private final Map<String, PreparedStatement> searches = new java.util.HashMap<>();

    private IndexGeneration(Path file, Connection db, Map<String, String> meta) throws SQLException {
        this.file = file;
        this.db = db;
        this.meta = meta;
        this.size = Integer.parseInt(meta.getOrDefault("patients", "0"));
        byNhs = db.prepareStatement("SELECT " + IndexSchema.PATIENT_COLUMNS + " FROM patient WHERE nhs = ?");
        byMrn = db.prepareStatement("SELECT " + IndexSchema.PATIENT_COLUMNS + " FROM patient WHERE mrn = ?");
        retired = db.prepareStatement("SELECT r.merged_on, " + prefixed("p") + " FROM retired r JOIN patient p"
                + " ON p.nhs = r.survivor WHERE r.kind = ? AND r.value = ?");
    }

    /**
     * Opens a generation and checks it is a complete index of this format whose patient count matches
     * what its import recorded.
     *
     * @throws PatientIndexException naming the file when it is missing, not an index, incomplete or damaged
     */
    public static IndexGeneration open(Path file) throws PatientIndexException {
        if (!Files.isRegularFile(file)) {
            throw new PatientIndexException("the patient index file " + file + " is missing");
        }
        Connection db = null;
        try {
            db = SqliteFiles.openReadOnly(file);
        } catch (SQLException e) {
            throw new PatientIndexException("the patient index " + file + " is damaged or not an index ("
                    + plain(e) + "); import the extract again", e);
        }
        return checked(file, db);
    }

    /**
     * A generation built in memory for one run ({@link IndexImporter#loadIntoMemory}), checked like a file.
     *
     * @param source the extract it was built from, which names it in messages
     */
    static IndexGeneration inMemory(Path source, Connection db) throws PatientIndexException {
        return checked(source, db);
    }

    /** The generation on {@code db}, once its format and patient count are checked; else {@code db} is closed. */
    private static IndexGeneration checked(Path file, Connection db) throws PatientIndexException {
        try {
            Map<String, String> meta = new LinkedHashMap<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getString(2));
                }
            }
            if (!IndexSchema.FORMAT.equals(meta.get("format"))) {
                throw new PatientIndexException("the patient index " + file + " is of another format ("
                        + meta.getOrDefault("format", "none") + "): import the extract again");
            }
            long counted;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM patient")) {
                counted = rs.next() ? rs.getLong(1) : -1;
            }
            if (counted != Long.parseLong(meta.getOrDefault("patients", "-1"))) {
                throw new PatientIndexException("the patient index " + file + " is damaged: it holds " + counted
                        + " patients, its import recorded " + meta.get("patients") + "; import the extract again");
            }
            return new IndexGeneration(file, db, Map.copyOf(meta));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(db);
            throw new PatientIndexException("the patient index " + file + " is damaged or not an index ("
                    + plain(e) + "); import the extract again", e);
        } catch (PatientIndexException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /** The generation's file; for one built in memory, the extract it was built from. */
    public Path file() {
        return file;
    }

    /** What the import recorded: source file, character set, when, counts. */
    public Map<String, String> meta() {
        return meta;
    }

    @Override
    public synchronized Optional<Patient> byNhsNumber(String digits) {
        if (digits == null) {
            return Optional.empty();
        }
        return first(byNhs, digits);
    }

    @Override
    public synchronized Optional<Patient> byHospitalNumber(String mrn) {
        if (mrn == null || mrn.isBlank()) {
            return Optional.empty();
        }
        return first(byMrn, mrn.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public synchronized Optional<RetiredIdentifier> retired(IdentifierRead.Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = kind == IdentifierRead.Kind.HOSPITAL_NUMBER ? value.strip().toUpperCase(Locale.ROOT) : value;
        try {
            retired.setString(1, kind.name());
            retired.setString(2, v);
            try (ResultSet rs = retired.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new RetiredIdentifier(kind, v, patient(rs, 2), LocalDate.parse(rs.getString(1))));
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    @Override
    public synchronized List<Patient> search(PatientQuery query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        try {
            return new ArrayList<>(collect(query, limit, new LinkedHashMap<>()).values());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private Map<String, Patient> collect(PatientQuery query, int limit, Map<String, Patient> found) throws SQLException {
        if (query instanceof PatientQuery.AnyOf any) {
            for (PatientQuery q : any.queries()) {
                if (found.size() < limit) {
                    collect(q, limit, found);
                }
            }
        } else if (query instanceof PatientQuery.NhsNumberStart n) {
            select("nhs >= ? AND nhs < ?", "nhs", limit, found, n.digits(), n.digits() + '\u007f');
        } else if (query instanceof PatientQuery.HospitalNumberStart h) {
            select("mrn >= ? AND mrn < ?", "mrn", limit, found, h.text(), h.text() + '\u007f');
        } else if (query instanceof PatientQuery.BirthDate b) {
            select("dob = ?", "family_key, given_key", limit, found, b.dateOfBirth().toString());
        } else if (query instanceof PatientQuery.Name n) {
            // the name itself first (an index seek on family and given name), then longer names starting with it
            name(n, "family_key = ?", List.of(n.family()), limit, found);
            if (found.size() < limit) {
                name(n, "family_key > ? AND family_key < ?", List.of(n.family(), n.family() + '\u007f'), limit, found);
            }
        }
        return found;
    }

    private void name(PatientQuery.Name n, String family, List<String> familyArgs, int limit, Map<String, Patient> found)
            throws SQLException {
        List<Object> args = new ArrayList<>(familyArgs);
        StringBuilder where = new StringBuilder(family);
        if (!n.given().isEmpty()) {
            where.append(" AND given_key >= ? AND given_key < ?");
            args.add(n.given());
            args.add(n.given() + '\u007f');
        }
        if (n.dateOfBirth() != null) {
            where.append(" AND dob = ?");
            args.add(n.dateOfBirth().toString());
        }
        select(where.toString(), "family_key, given_key, dob", limit, found, args.toArray());
    }

    private void select(String where, String order, int limit, Map<String, Patient> found, Object... args) throws SQLException {
        String sql = "SELECT " + IndexSchema.PATIENT_COLUMNS + " FROM patient WHERE " + where + " ORDER BY " + order + " LIMIT ?";
        PreparedStatement p = searches.get(sql);
        if (p == null) {
            p = db.prepareStatement(sql);
            searches.put(sql, p);
        }
        int i = 1;
        for (Object a : args) {
            p.setString(i++, a.toString());
        }
        p.setInt(i, limit);
        try (ResultSet rs = p.executeQuery()) {
            while (rs.next() && found.size() < limit) {
                Patient patient = patient(rs, 1);
                found.putIfAbsent(patient.nhsNumber().digits(), patient);
            }
        }
    }

    @Override
    public int size() {
        return size;
    }

    private Optional<Patient> first(PreparedStatement query, String value) {
        try {
            query.setString(1, value);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(patient(rs, 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Patient patient(ResultSet rs, int from) throws SQLException {
        return new Patient(new NhsNumber(rs.getString(from)), rs.getString(from + 1), rs.getString(from + 2),
                rs.getString(from + 3), LocalDate.parse(rs.getString(from + 4)), rs.getString(from + 5),
                rs.getString(from + 6));
    }

    private static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String c : IndexSchema.PATIENT_COLUMNS.split(",\\s*")) {
            b.append(b.length() == 0 ? "" : ", ").append(alias).append('.').append(c);
        }
        return b.toString();
    }

    private PatientIndexUnavailableException unavailable(SQLException e) {
        return new PatientIndexUnavailableException("the patient index " + file + " cannot be read (" + plain(e)
                + "); import the extract again", e);
    }

    static String plain(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int bracket = m.indexOf("] ");
        if (m.startsWith("[") && bracket > 0) {
            m = m.substring(bracket + 2);
        }
        return m.strip();
    }

    @Override
    public synchronized void close() {
        closeQuietly(db);
    }

    private static void closeQuietly(Connection db) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                // nothing more to release
            }
        }
    }
}
