package org.scanstation.scan.driver;

import java.util.List;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;

/**
 * One scanner protocol. Drivers are used only through {@link org.scanstation.scan.ScanController},
 * which calls them on a separate thread under a watchdog, so a driver may block.
 */
public interface ScanDriver {

    /** The URI scheme this driver serves, e.g. {@code sane}; also its id. */
    String scheme();

    /** Whether the driver can work on this computer, and if not, why. */
    default Availability availability() {
        return Availability.AVAILABLE;
    }

    /** The devices this driver can find now (none for drivers that only take explicit URIs). */
    List<ScanDevice> listDevices() throws ScanException;

    ScanCapabilities capabilities(DeviceUri device) throws ScanException;

    /**
     * Scans, handing each page to {@code sink} as soon as it is complete. Returns when the source is
     * exhausted (feeder empty, all files read) or {@code cancel} was cancelled; throws
     * {@link ScanException} for a failure. A driver should call {@link DriverSink#alive()} while it
     * makes progress inside a page (data arriving, a folder polled), so the watchdog can tell a slow
     * device from a hung one.
     */
    void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException;

    /** Availability of a driver on this computer. */
    record Availability(boolean available, String reason) {
        public static final Availability AVAILABLE = new Availability(true, "");

        public static Availability unavailable(String reason) {
            return new Availability(false, reason);
        }
    }
}
