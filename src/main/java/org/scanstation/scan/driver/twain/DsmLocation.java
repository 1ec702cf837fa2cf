package org.scanstation.scan.driver.twain;

import java.util.Locale;
import java.util.Map;

/**
 * Which TWAIN Data Source Manager library to load, and why that one: the environment variable
 * {@code SCANSTATION_TWAIN_DSM}, else the setting {@code scanner.twainDsm}, else the platform's
 * standard manager ({@code TWAINDSM.dll} on Windows, {@code libtwaindsm.so.2} on Linux).
 *
 * @param library a file path or a library name the system's loader finds; null where TWAIN is not supported
 * @param origin  where the choice came from, in words
 * @param chosen  true when someone chose it (environment, setting, a test), false for the platform's standard one
 */
public record DsmLocation(String library, String origin, boolean chosen) {

    /** A manager someone chose. */
    public DsmLocation(String library, String origin) {
        this(library, origin, true);
    }

    public static final String ENVIRONMENT_VARIABLE = "SCANSTATION_TWAIN_DSM";
    public static final String SETTING = "scanner.twainDsm";

    /** The manager for this computer, from its environment and the given setting (may be null). */
    public static DsmLocation resolve(String setting) {
        return resolve(setting, System.getenv(), System.getProperty("os.name", ""));
    }

    static DsmLocation resolve(String setting, Map<String, String> environment, String osName) {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new DsmLocation(fromEnvironment.trim(), "the environment variable " + ENVIRONMENT_VARIABLE);
        }
        if (setting != null && !setting.isBlank()) {
            return new DsmLocation(setting.trim(), "the setting " + SETTING);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new DsmLocation("TWAINDSM", "the standard TWAIN Data Source Manager (TWAINDSM.dll)", false);
        }
        if (os.contains("linux")) {
            return new DsmLocation("libtwaindsm.so.2", "the standard TWAIN Data Source Manager for Linux", false);
        }
        return new DsmLocation(null, "TWAIN is supported on Windows and Linux only", false);
    }

    /** The library as people know it. */
    public String displayName() {
        return "TWAINDSM".equals(library) ? "TWAINDSM.dll" : library;
    }
}
