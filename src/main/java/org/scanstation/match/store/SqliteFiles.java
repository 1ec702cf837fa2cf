package org.scanstation.match.store;

import java.nio.file.Path;

/** How the index's SQLite files are named to the driver. */
final class SqliteFiles {

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
}
