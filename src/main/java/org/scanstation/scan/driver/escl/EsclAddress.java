package org.scanstation.scan.driver.escl;

import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * An eSCL (AirScan) scanner: {@code escl://HOST[:PORT]/PATH}, e.g. {@code escl://192.168.1.20:80/eSCL};
 * {@link #baseUrl()} is the HTTP root of the eSCL resources. (eSCL over HTTPS is not supported yet.)
 */
public record EsclAddress(String hostPort, String path) {

    public static EsclAddress parse(DeviceUri uri) {
        if (!uri.rest().startsWith("//")) {
            throw invalid(uri);
        }
        String s = uri.afterSlashes();
        int slash = s.indexOf('/');
        String hostPort = slash < 0 ? s : s.substring(0, slash);
        String path = slash < 0 ? "eSCL" : s.substring(slash + 1);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (hostPort.isBlank() || path.isBlank()) {
            throw invalid(uri);
        }
        return new EsclAddress(hostPort, path);
    }

    private static ScanException invalid(DeviceUri uri) {
        return new ScanException(ScanError.INVALID_DEVICE, "'" + uri
                + "' is not an eSCL scanner address: use escl://HOST:PORT/eSCL, e.g. escl://192.168.1.20:80/eSCL");
    }

    /** The root of the scanner's eSCL resources, ending in a slash. */
    public String baseUrl() {
        return "http://" + hostPort + "/" + path + "/";
    }

    public String uri() {
        return "escl://" + hostPort + "/" + path;
    }
}
