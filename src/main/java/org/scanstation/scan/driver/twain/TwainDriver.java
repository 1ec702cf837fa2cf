package org.scanstation.scan.driver.twain;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;

/**
 * TWAIN scanners on Windows, {@code twain:PRODUCT NAME}, through the TWAIN Data Source Manager
 * (TWAINDSM.dll) bound with JNA. On other systems it says so and lists nothing (no fake devices).
 *
 * <p>State of this driver: device listing is written against the TWAIN 2.4 specification but has
 * not run on Windows; scanning (source opening, capability negotiation, native/memory transfer and
 * the Windows message loop TWAIN needs) is not implemented. Neither can be tested on the Linux CI.
 */
public final class TwainDriver implements ScanDriver {

    public static final String SCHEME = "twain";

    private final String osName;

    public TwainDriver() {
        this(System.getProperty("os.name", ""));
    }

    /** For tests: pretend to run on {@code osName}. */
    public TwainDriver(String osName) {
        this.osName = osName;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Availability availability() {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return Availability.unavailable("TWAIN is available on Windows only");
        }
        try {
            TwainDsm.load();
            return Availability.AVAILABLE;
        } catch (UnsatisfiedLinkError e) {
            return Availability.unavailable("The TWAIN Data Source Manager (TWAINDSM.dll) is not installed;"
                    + " install it from twain.org or the scanner maker's driver package");
        }
    }

    @Override
    public List<ScanDevice> listDevices() {
        requireAvailable();
        TwainDsm dsm = TwainDsm.load();
        TwainDsm.TwIdentity app = TwainDsm.TwIdentity.application();
        Pointer parent = new Memory(Native.POINTER_SIZE);
        parent.setPointer(0, null);
        if (dsm.DSM_Entry(app, null, TwainDsm.DG_CONTROL, TwainDsm.DAT_PARENT, TwainDsm.MSG_OPENDSM, parent)
                != TwainDsm.TWRC_SUCCESS) {
            throw new ScanException(ScanError.DEVICE_ERROR, "The TWAIN Data Source Manager could not be opened.");
        }
        List<ScanDevice> out = new ArrayList<>();
        try {
            TwainDsm.TwIdentity source = new TwainDsm.TwIdentity();
            short rc = dsm.DSM_Entry(app, null, TwainDsm.DG_CONTROL, TwainDsm.DAT_IDENTITY, TwainDsm.MSG_GETFIRST, source);
            while (rc == TwainDsm.TWRC_SUCCESS) {
                String name = source.productName();
                out.add(new ScanDevice(SCHEME + ":" + name, (source.manufacturer() + " " + name).trim() + " (TWAIN)", SCHEME));
                source = new TwainDsm.TwIdentity();
                rc = dsm.DSM_Entry(app, null, TwainDsm.DG_CONTROL, TwainDsm.DAT_IDENTITY, TwainDsm.MSG_GETNEXT, source);
            }
        } finally {
            dsm.DSM_Entry(app, null, TwainDsm.DG_CONTROL, TwainDsm.DAT_PARENT, TwainDsm.MSG_CLOSEDSM, parent);
        }
        return out;
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        requireAvailable();
        throw notImplemented();
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink) {
        requireAvailable();
        throw notImplemented();
    }

    private void requireAvailable() {
        Availability a = availability();
        if (!a.available()) {
            throw new ScanException(ScanError.DRIVER_UNAVAILABLE, a.reason() + ".");
        }
    }

    private static ScanException notImplemented() {
        return new ScanException(ScanError.DRIVER_UNAVAILABLE, "Scanning through TWAIN is not implemented in this"
                + " version. Use the scanner's eSCL (AirScan) address or its hot folder instead.");
    }
}
