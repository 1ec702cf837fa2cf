package org.scanstation.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The EDMS's origin (scheme, host, port): the only place the station sends requests, credentials and
 * documents to (see docs/adr/0011-trust-model.md). Parsed from the configured URL with the checks
 * whose messages never repeat a user name or password written into the URL.
 */
public record EdmsAddress(String scheme, String host, int port) {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(?:\\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}");

    /**
     * @throws IllegalArgumentException with a message that never quotes the URL's user information
     */
    public static EdmsAddress parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no EDMS URL given");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            // the exception's own message repeats the whole input, password included
            throw new IllegalArgumentException("the EDMS URL is not a valid URL (" + e.getReason() + " at character "
                    + (e.getIndex() + 1) + "): " + shown(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the EDMS URL must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("the EDMS URL must not hold a user name or password (" + shown(url)
                    + "): give the user with --user and the password with --password-env");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("the EDMS URL names no server or an invalid port: " + shown(url));
        }
        int port = uri.getPort() == -1 ? (scheme.equals("https") ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the EDMS URL's port must be 1 to 65535: " + shown(url));
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new EdmsAddress(scheme, host, port);
    }

    /**
     * The URL as it may be shown: everything between {@code //} (or the start) and the last {@code @} is
     * masked, so a password is hidden even when it holds {@code /}, {@code ?} or {@code #}.
     */
    public static String shown(String url) {
        if (url == null) {
            return null;
        }
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int slashes = url.indexOf("//");
        int from = slashes >= 0 && slashes < at ? slashes + 2 : 0;
        return url.substring(0, from) + "***" + url.substring(at);
    }

    /** True for this PC itself: {@code localhost}, 127.0.0.0/8 and ::1, written as such (no name lookup). */
    public boolean isLoopback() {
        return host.equals("localhost") || host.endsWith(".localhost") || IPV4_LOOPBACK.matcher(host).matches()
                || host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
    }

    public boolean isHttps() {
        return scheme.equals("https");
    }

    /** True when {@code other} has this scheme, host and port. */
    public boolean sameOrigin(EdmsAddress other) {
        return equals(other);
    }

    @Override
    public String toString() {
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
