package org.scanstation.scan;

/**
 * A scanner (or page source) the station can scan from.
 *
 * @param uri     the device URI that selects driver and device, e.g. {@code sane://127.0.0.1/test:0}
 * @param name    a human-readable name
 * @param driver  the driver's id ({@code sane}, {@code escl}, {@code demo}, ...)
 */
public record ScanDevice(String uri, String name, String driver) {

    @Override
    public String toString() {
        return name + " <" + uri + ">";
    }
}
