package org.scanstation.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Default locations of the store and of its key, following each OS's conventions. */
public final class StorePaths {

    private StorePaths() {
    }

    /** $XDG_DATA_HOME/scanstation/store (~/.local/share/...), %LOCALAPPDATA%\ScanStation\store, ~/Library/Application Support/ScanStation/store. */
    public static Path defaultStore() {
        return dataHome(osName(), System::getenv, home()).resolve("store");
    }

    /**
     * $XDG_CONFIG_HOME/scanstation/store.key, %LOCALAPPDATA%\ScanStation\store.key,
     * ~/Library/Preferences/ScanStation/store.key. On Windows the key stays in the local profile: a
     * roaming profile (%APPDATA%) is copied to the profile server and to every PC the user signs in to.
     */
    public static Path defaultKeyFile() {
        return keyHome(osName(), System::getenv, home()).resolve("store.key");
    }

    static Path dataHome(String osName, UnaryOperator<String> env, String home) {
        if (isWindows(osName)) {
            return Path.of(envOr(env, "LOCALAPPDATA", home + "\\AppData\\Local"), "ScanStation");
        }
        if (isMac(osName)) {
            return Path.of(home, "Library", "Application Support", "ScanStation");
        }
        return Path.of(envOr(env, "XDG_DATA_HOME", home + "/.local/share"), "scanstation");
    }

    /** The folder of the key file on {@code osName}, for a user with {@code home} and environment {@code env}. */
    static Path keyHome(String osName, UnaryOperator<String> env, String home) {
        if (isWindows(osName)) {
            return Path.of(envOr(env, "LOCALAPPDATA", home + "\\AppData\\Local"), "ScanStation");
        }
        if (isMac(osName)) {
            return Path.of(home, "Library", "Preferences", "ScanStation");
        }
        return Path.of(envOr(env, "XDG_CONFIG_HOME", home + "/.config"), "scanstation");
    }

    private static String envOr(UnaryOperator<String> env, String name, String fallback) {
        String v = env.apply(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String osName() {
        return System.getProperty("os.name", "");
    }

    private static String home() {
        return System.getProperty("user.home");
    }

    private static boolean isWindows(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private static boolean isMac(String osName) {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }
}
