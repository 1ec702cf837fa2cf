package org.scanstation.scan.driver.twain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * TWAIN scanners, {@code twain:PRODUCT NAME}, through the standard TWAIN Data Source Manager
 * ({@code TWAINDSM.dll} on Windows, {@code libtwaindsm.so.2} on Linux) bound with JNA: the same
 * {@code DSM_Entry} calls on both. Each listing, capability reading or scan is one session on its own
 * thread (see {@link SessionRunner}); the source is opened with its own window and progress
 * indicator off, negotiated ({@link ScanSetup}), and read by native transfer (memory transfer when
 * the source refuses native, or when asked for).
 */
public final class TwainDriver implements ScanDriver {

    public static final String SCHEME = "twain";
    private static final Duration WAIT_FOR_OTHER_SESSION = Duration.ofSeconds(10);
    private static final Map<String, DsmLibrary> LOADED = new ConcurrentHashMap<>();

    private final DsmLocation location;
    private final TransferMode transferMode;
    private final Duration sessionWait;

    /** The manager named by {@code SCANSTATION_TWAIN_DSM}, else the platform's standard one. */
    public TwainDriver() {
        this(DsmLocation.resolve(null));
    }

    public TwainDriver(DsmLocation location) {
        this(location, TransferMode.NATIVE, WAIT_FOR_OTHER_SESSION);
    }

    private TwainDriver(DsmLocation location, TransferMode transferMode, Duration sessionWait) {
        this.location = location;
        this.transferMode = transferMode;
        this.sessionWait = sessionWait;
    }

    /** This driver asking sources for {@code mode} transfers first (the other one stays the fallback). */
    public TwainDriver withTransferMode(TransferMode mode) {
        return new TwainDriver(location, mode, sessionWait);
    }

    /** This driver waiting at most {@code wait} for another TWAIN session of this process to end. */
    public TwainDriver withSessionWait(Duration wait) {
        return new TwainDriver(location, transferMode, wait);
    }

    public DsmLocation location() {
        return location;
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public Availability availability() {
        if (location.library() == null) {
            return Availability.unavailable(location.origin());
        }
        try {
            library();
            return Availability.AVAILABLE;
        } catch (UnsatisfiedLinkError e) {
            String remedy = "install it (twain.org, or the scanner maker's driver package), or give its path in "
                    + DsmLocation.ENVIRONMENT_VARIABLE + " or the setting " + DsmLocation.SETTING;
            if (!location.chosen()) {
                return Availability.unavailable("the TWAIN Data Source Manager (" + location.displayName()
                        + ") is not installed: " + remedy);
            }
            return Availability.unavailable("the TWAIN Data Source Manager " + location.displayName() + " (from "
                    + location.origin() + ") could not be loaded (" + reason(e) + "): " + remedy);
        }
    }

    private DsmLibrary library() {
        return LOADED.computeIfAbsent(location.library(), DsmLibrary::load);
    }

    /** The loaded manager, its data sources kept loaded (see {@link DataSourcePins}). */
    private DsmLibrary requireLibrary() {
        Availability a = availability();
        if (!a.available()) {
            throw new ScanException(ScanError.DRIVER_UNAVAILABLE, capitalised(a.reason()) + ".");
        }
        DsmLibrary dsm = library();
        DataSourcePins.pin(location.library());
        return dsm;
    }

    @Override
    public List<ScanDevice> listDevices() {
        DsmLibrary dsm = requireLibrary();
        List<TwainSession.Source> sources = call(dsm, TwainSession::sources);
        if (sources.isEmpty()) {
            throw new ScanException(ScanError.DEVICE_NOT_FOUND, "the TWAIN Data Source Manager " + location.displayName()
                    + " found no TWAIN scanner driver: install the scanner's TWAIN driver");
        }
        return sources.stream().map(s -> new ScanDevice(SCHEME + ":" + s.productName(),
                (s.manufacturer() + " " + s.productName()).trim() + " (TWAIN)", SCHEME)).toList();
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        DsmLibrary dsm = requireLibrary();
        String name = sourceName(device);
        return call(dsm, session -> {
            session.openSource(name);
            return CapabilityReader.read(session);
        });
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        DsmLibrary dsm = requireLibrary();
        String name = sourceName(device);
        new TwainScan(dsm, name, options, transferMode, sessionWait).run(cancel, sink);
    }

    private <T> T call(DsmLibrary dsm, SessionRunner.Job<T> job) {
        try {
            return SessionRunner.call(dsm, sessionWait, job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScanException(ScanError.TIMED_OUT, "Interrupted while talking to the TWAIN scanner.");
        }
    }

    private static String sourceName(DeviceUri device) {
        String name = device.rest().trim();
        if (name.isEmpty()) {
            throw new ScanException(ScanError.INVALID_DEVICE, "A TWAIN scanner is given by its name: twain:NAME"
                    + " (the devices command lists them).");
        }
        return name;
    }

    /** The loader's reason, e.g. "cannot open shared object file: No such file or directory". */
    private static String reason(UnsatisfiedLinkError e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        for (String key : List.of("cannot open shared object file", "wrong ELF class", "invalid ELF header",
                "undefined symbol", "is not a valid Win32 application", "The specified module could not be found")) {
            int at = m.indexOf(key);
            if (at >= 0) {
                int end = m.indexOf('\n', at);
                return m.substring(at, end < 0 ? m.length() : end).trim();
            }
        }
        return "not found";
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
