package org.scanstation.store;

import java.nio.file.Path;
import java.util.Locale;

/** Default locations of the store and of its key, following each OS's conventions. */
public final class StorePaths {

    private StorePaths() {
    }

    /** $XDG_DATA_HOME/scanstation/store (~/.local/share/...), %LOCALAPPDATA%\ScanStation\store, ~/Library/Application Support/ScanStation/store. */
    public static Path defaultStore() {
        return dataHome().resolve("store");
    }

    /** $XDG_CONFIG_HOME/scanstation/store.key, %APPDATA%\ScanStation\store.key, ~/Library/Preferences/ScanStation/store.key. */
    public static Path defaultKeyFile() {
        return configHome().resolve("store.key");
    }

    static Path dataHome() {
        String home = System.getProperty("user.home");
        if (isWindows()) {
            return Path.of(envOr("LOCALAPPDATA", home + "\\AppData\\Local"), "ScanStation");
        }
        if (isMac()) {
            return Path.of(home, "Library", "Application Support", "ScanStation");
        }
        return Path.of(envOr("XDG_DATA_HOME", home + "/.local/share"), "scanstation");
    }

    static Path configHome() {
        String home = System.getProperty("user.home");
        if (isWindows()) {
            return Path.of(envOr("APPDATA", home + "\\AppData\\Roaming"), "ScanStation");
        }
        if (isMac()) {
            return Path.of(home, "Library", "Preferences", "ScanStation");
        }
        return Path.of(envOr("XDG_CONFIG_HOME", home + "/.config"), "scanstation");
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean isMac() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");
    }
}
