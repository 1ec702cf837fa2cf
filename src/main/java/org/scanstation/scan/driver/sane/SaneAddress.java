package org.scanstation.scan.driver.sane;

import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * A SANE device on a {@code saned}: {@code sane://HOST[:PORT]/DEVICE}, e.g.
 * {@code sane://127.0.0.1/test:0}, {@code sane://[::1]:6567/epson2:net:10.0.0.5}.
 */
public record SaneAddress(String host, int port, String device) {

    public static final int DEFAULT_PORT = 6566;

    public static SaneAddress parse(DeviceUri uri) {
        String s = uri.afterSlashes();
        int slash = s.indexOf('/');
        if (!uri.rest().startsWith("//") || slash <= 0 || slash == s.length() - 1) {
            throw new ScanException(ScanError.INVALID_DEVICE, "'" + uri
                    + "' is not a SANE device address: use sane://HOST[:PORT]/DEVICE, e.g. sane://127.0.0.1/test:0");
        }
        HostPort hp = HostPort.parse(s.substring(0, slash), uri.toString());
        return new SaneAddress(hp.host(), hp.port(), s.substring(slash + 1));
    }

    /** The device URI for {@code device} on {@code host:port}. */
    public static String uriOf(HostPort hostPort, String device) {
        return "sane://" + hostPort + "/" + device;
    }

    public HostPort hostPort() {
        return new HostPort(host, port);
    }

    /** A {@code saned} to talk to. */
    public record HostPort(String host, int port) {

        public static HostPort parse(String text, String context) {
            String host = text;
            int port = DEFAULT_PORT;
            int colon = text.lastIndexOf(':');
            boolean bracketed = text.startsWith("[");
            if (colon > 0 && (!bracketed || text.lastIndexOf(']') < colon)) {
                host = text.substring(0, colon);
                try {
                    port = Integer.parseInt(text.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new ScanException(ScanError.INVALID_DEVICE, "Bad port in '" + context + "'");
                }
            }
            if (bracketed) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new ScanException(ScanError.INVALID_DEVICE, "Bad host or port in '" + context + "'");
            }
            return new HostPort(host, port);
        }

        @Override
        public String toString() {
            String h = host.contains(":") ? "[" + host + "]" : host;
            return port == DEFAULT_PORT ? h : h + ":" + port;
        }
    }
}
