package org.scanstation.match.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the index's SQLite databases are named to the driver and opened. Every connection is opened here,
 * so that none of them ever writes patient data outside the index's own folder: SQLite's temporary files
 * (sorts that outgrow the cache while indexes are built, a long list of refused rows is ordered, a
 * refresh is compared; statement journals) would otherwise go to its temporary directory ({@code /var/tmp},
 * {@code /tmp}, {@code %TEMP%}), holding NHS numbers, names and dates of birth in the clear. They are
 * kept in memory instead ({@code temp_store=MEMORY}).
 */
final class SqliteFiles {

    /** An index held in native memory only (a CSV loaded for one run): no file anywhere. */
    static final String IN_MEMORY_URL = "jdbc:sqlite::memory:";

    private SqliteFiles() {
    }

    /**
     * A read-only, immutable URI for a generation: percent-encoded, forward slashes (Windows too), so that
     * spaces, '#', '%' or '?' in a folder name cannot change its meaning.
     */
    static String readOnlyUri(Path file) {
        return "file:" + file.toAbsolutePath().toUri().getRawPath() + "?mode=ro&immutable=1";
    }

    /** The JDBC URL of {@link #readOnlyUri}. */
    static String readOnlyUrl(Path file) {
        return "jdbc:sqlite:" + readOnlyUri(file);
    }

    /** A generation opened read-only (see {@link #readOnlyUri}), its temporary data in memory. */
    static Connection openReadOnly(Path file) throws SQLException {
        return open(readOnlyUrl(file));
    }

    /** A new generation's file, opened to be written, its temporary data in memory. */
    static Connection openForWriting(Path file) throws SQLException {
        return open("jdbc:sqlite:" + file);
    }

    /** A new, empty database in native memory (not the Java heap), its temporary data in memory too. */
    static Connection openInMemory() throws SQLException {
        return open(IN_MEMORY_URL);
    }

    private static Connection open(String url) throws SQLException {
        Connection db = DriverManager.getConnection(url);
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA temp_store=MEMORY");
            return db;
        } catch (SQLException e) {
            db.close();
            throw e;
        }
    }
}
