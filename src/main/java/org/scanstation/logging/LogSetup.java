package org.scanstation.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Sends java.util.logging (and SLF4J, routed to it) to rotated files in the platform's usual place,
 * one plain line per record with patient identifiers masked, and nothing to the console: the command
 * line's output stays what the user asked for.
 *
 * <p><b>Rule for the station's code:</b> log what happened to which batch, page number, device or
 * server, never patient data (names, NHS or hospital numbers, dates of birth, label or OCR text, file
 * names chosen from patient data). {@link Redactor} masks identifiers that slip through anyway.
 *
 * <p>Locations: Linux {@code $XDG_STATE_HOME/scanstation/logs} (default {@code ~/.local/state/scanstation/logs}),
 * Windows {@code %LOCALAPPDATA%\ScanStation\logs}, macOS {@code ~/Library/Logs/ScanStation}; the system
 * property {@code scanstation.logDir} overrides it. Files {@code scanstation.0.log} (newest) to
 * {@code scanstation.4.log}, 5 MB each.
 */
public final class LogSetup {

    public static final int DEFAULT_LIMIT_BYTES = 5 * 1024 * 1024;
    public static final int DEFAULT_FILE_COUNT = 5;
    public static final String FILE_PATTERN = "scanstation.%g.log";

    /**
     * The station's logger, held here: the LogManager keeps loggers only weakly, and a logger that is
     * collected comes back without its level (falling back to the root's WARNING).
     */
    private static final Logger STATION = Logger.getLogger("org.scanstation");

    private static Handler installed;
    private static Path installedDir;

    private LogSetup() {
    }

    /** This platform's log folder. */
    public static Path defaultLogDir() {
        String override = System.getProperty("scanstation.logDir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Path.of(envOr("LOCALAPPDATA", home + "\\AppData\\Local"), "ScanStation", "logs");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Logs", "ScanStation");
        }
        return Path.of(envOr("XDG_STATE_HOME", home + "/.local/state"), "scanstation", "logs");
    }

    /**
     * Logs to {@link #defaultLogDir()}; see {@link #install(Path, int, int, Redactor)}. Never fails: when
     * the folder cannot be written, the station runs without a log file.
     *
     * @return the log folder, or empty when no log file could be opened
     */
    public static synchronized Optional<Path> install() {
        try {
            return Optional.of(install(defaultLogDir(), DEFAULT_LIMIT_BYTES, DEFAULT_FILE_COUNT, null));
        } catch (IOException | RuntimeException e) {
            quietConsole();
            return Optional.empty();
        }
    }

    /**
     * Replaces the root logger's handlers with one rotating file handler: station messages from INFO,
     * libraries' from WARNING.
     *
     * @param dir         the folder (created if missing)
     * @param limitBytes  size at which a file is rotated
     * @param count       files kept
     * @param redactor    masks identifiers; null for {@link Redactor#shared()} as it is at each record
     * @return the folder
     * @throws IOException when the folder or the file cannot be created
     */
    public static synchronized Path install(Path dir, int limitBytes, int count, Redactor redactor) throws IOException {
        Files.createDirectories(dir);
        FileHandler file = new FileHandler(dir.resolve(FILE_PATTERN).toString(), limitBytes, count, true);
        file.setEncoding("UTF-8");
        file.setFormatter(new OneLineFormatter(redactor));
        file.setLevel(Level.ALL);
        Logger root = LogManager.getLogManager().getLogger("");
        removeHandlers(root);
        root.addHandler(file);
        root.setLevel(Level.WARNING);
        STATION.setLevel(Level.INFO);
        installed = file;
        installedDir = dir;
        return dir;
    }

    /** The folder logs currently go to, empty when no log file is open. */
    public static synchronized Optional<Path> currentLogDir() {
        return Optional.ofNullable(installedDir);
    }

    /** Closes the log file (the next {@link #install()} opens a new one). */
    public static synchronized void close() {
        if (installed != null) {
            LogManager.getLogManager().getLogger("").removeHandler(installed);
            installed.close();
            installed = null;
            installedDir = null;
        }
    }

    private static void quietConsole() {
        Logger root = LogManager.getLogManager().getLogger("");
        removeHandlers(root);
        root.setLevel(Level.OFF);
    }

    private static void removeHandlers(Logger root) {
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
            h.close();
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
