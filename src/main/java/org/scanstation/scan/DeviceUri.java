package org.scanstation.scan;

import java.util.Locale;

/**
 * A device address as the user types it: {@code scheme:rest}, e.g. {@code sane://127.0.0.1/test:0},
 * {@code folder:/srv/scans}, {@code demo}. Kept as text (not {@link java.net.URI}) because folder paths
 * may contain spaces and backslashes, and SANE device names contain colons.
 *
 * @param scheme lower-case scheme (the driver's id)
 * @param rest   everything after {@code scheme:} (may be empty)
 */
public record DeviceUri(String scheme, String rest) {

    /** Parses {@code text}; a bare word such as {@code demo} is a scheme with an empty rest. */
    public static DeviceUri parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScanException(ScanError.INVALID_DEVICE,
                    "No device given: use a device URI such as sane://127.0.0.1/test:0, folder:/path or demo");
        }
        String t = text.trim();
        int colon = t.indexOf(':');
        String scheme = colon < 0 ? t : t.substring(0, colon);
        if (!scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            throw new ScanException(ScanError.INVALID_DEVICE, "'" + text + "' is not a device URI");
        }
        return new DeviceUri(scheme.toLowerCase(Locale.ROOT), colon < 0 ? "" : t.substring(colon + 1));
    }

    /** The part after {@code //} for network URIs ({@code sane://host:port/dev} gives {@code host:port/dev}). */
    public String afterSlashes() {
        return rest.startsWith("//") ? rest.substring(2) : rest;
    }

    @Override
    public String toString() {
        return rest.isEmpty() ? scheme : scheme + ":" + rest;
    }
}
