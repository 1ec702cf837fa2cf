package org.scanstation.scan.driver.sane;

import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneParameters;
import au.com.southsky.jfreesane.SaneSession;
import au.com.southsky.jfreesane.SaneStatus;
import au.com.southsky.jfreesane.ScanListenerAdapter;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Scanners on a {@code saned} over the SANE network protocol (JFreeSane), addressed as
 * {@code sane://HOST[:PORT]/DEVICE}. Works for every scanner SANE supports on Linux, locally
 * (saned on 127.0.0.1) or on a scan server. Document feeders are read until SANE says
 * "no documents"; a cancel stops at once, also in the middle of a page, and always releases the
 * device ({@code sane_cancel}, close).
 */
public final class SaneDriver implements ScanDriver {

    public static final String SCHEME = "sane";
    private static final Duration FORCE_CLOSE_AFTER = Duration.ofSeconds(2);
    private static final ScheduledExecutorService FORCE_CLOSE = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sane-force-close");
        t.setDaemon(true);
        return t;
    });

    private final List<SaneAddress.HostPort> servers;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Map<String, String> backendOptions;

    /**
     * @param servers     the saned servers whose devices {@link #listDevices()} reports
     * @param readTimeout how long a read may block before the connection counts as dead
     *                    (keep it above the slowest page; the controller's watchdog is the first line)
     */
    public SaneDriver(List<SaneAddress.HostPort> servers, Duration connectTimeout, Duration readTimeout) {
        this(servers, connectTimeout, readTimeout, Map.of());
    }

    private SaneDriver(List<SaneAddress.HostPort> servers, Duration connectTimeout, Duration readTimeout,
                       Map<String, String> backendOptions) {
        this.servers = List.copyOf(servers);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.backendOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(backendOptions));
    }

    /**
     * This driver, also setting backend-specific SANE options on every scan (after the station's own),
     * e.g. {@code swdeskew=yes} for a backend that has it, or the test backend's {@code test-picture}.
     * Values are given as text and converted to the option's type; they are set in the map's
     * iteration order (use a {@link java.util.LinkedHashMap} when one option enables another).
     */
    public SaneDriver withBackendOptions(Map<String, String> options) {
        return new SaneDriver(servers, connectTimeout, readTimeout, options);
    }

    /** Lists the devices of the saned on 127.0.0.1:6566. */
    public static SaneDriver localhost() {
        return new SaneDriver(List.of(new SaneAddress.HostPort("127.0.0.1", SaneAddress.DEFAULT_PORT)),
                Duration.ofSeconds(5), Duration.ofSeconds(120));
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<ScanDevice> listDevices() {
        List<ScanDevice> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SaneAddress.HostPort server : servers) {
            SaneAddress where = new SaneAddress(server.host(), server.port(), "");
            try (SaneSession session = connect(where)) {
                for (SaneDevice d : session.listDevices()) {
                    String name = (d.getVendor() + " " + d.getModel()).trim() + " (" + d.getName() + ")";
                    out.add(new ScanDevice(SaneAddress.uriOf(server, d.getName()), name, SCHEME));
                }
            } catch (IOException e) {
                failures.add(SaneErrors.from(e, where, false).getMessage());
            } catch (SaneException e) {
                failures.add(SaneErrors.from(e, where).getMessage());
            }
        }
        if (out.isEmpty() && !failures.isEmpty()) {
            throw new ScanException(ScanError.CONNECTION_LOST, String.join(" ", failures));
        }
        return out;
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri uri) {
        SaneAddress where = SaneAddress.parse(uri);
        try (SaneSession session = connect(where); SaneDevice device = open(session, where)) {
            return SaneOptionMapper.capabilities(device);
        } catch (IOException e) {
            throw SaneErrors.from(e, where, false);
        } catch (SaneException e) {
            throw SaneErrors.from(e, where);
        }
    }

    @Override
    public void scan(DeviceUri uri, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        SaneAddress where = SaneAddress.parse(uri);
        SaneSession session;
        try {
            session = connect(where);
        } catch (IOException e) {
            throw SaneErrors.from(e, where, false);
        }
        SaneDevice device = null;
        boolean started = false;
        // a read blocked on a hung saned is not interruptible: if a cancelled scan has not ended
        // after the grace time, closing the connection ends it
        cancel.onCancel(() -> FORCE_CLOSE.schedule(() -> closeQuietly(session), FORCE_CLOSE_AFTER.toMillis(),
                TimeUnit.MILLISECONDS));
        try {
            device = open(session, where);
            int dpi = SaneOptionMapper.apply(device, options);
            SaneOptionMapper.applyBackendOptions(device, backendOptions);
            CancellingListener listener = new CancellingListener(cancel, sink);
            int page = 0;
            while (!cancel.isCancelled()) {
                BufferedImage image;
                try {
                    started = true;
                    image = device.acquireImage(listener);
                } catch (SaneException e) {
                    if (e.getStatus() == SaneStatus.STATUS_NO_DOCS && options.source().isFeeder() && page > 0) {
                        return; // the feeder is empty: the batch is complete
                    }
                    if (e.getStatus() == SaneStatus.STATUS_CANCELLED && cancel.isCancelled()) {
                        return;
                    }
                    throw SaneErrors.from(e, where);
                } catch (CancelledWhileReading e) {
                    return;
                }
                page++;
                sink.page(SaneImages.normalise(image), dpi, null);
                if (!options.source().isFeeder()) {
                    return;
                }
            }
        } catch (IOException e) {
            if (cancel.isCancelled()) {
                return;
            }
            throw SaneErrors.from(e, where, true);
        } catch (SaneException e) {
            throw SaneErrors.from(e, where);
        } finally {
            release(session, device, started);
        }
    }

    private SaneSession connect(SaneAddress where) throws IOException {
        return SaneSession.withRemoteSane(new InetSocketAddress(where.host(), where.port()),
                connectTimeout.toMillis(), TimeUnit.MILLISECONDS, readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static SaneDevice open(SaneSession session, SaneAddress where) throws IOException, SaneException {
        SaneDevice device = session.getDevice(where.device());
        try {
            device.open();
        } catch (SaneException e) {
            if (e.getStatus() == SaneStatus.STATUS_INVAL) {
                throw new ScanException(ScanError.DEVICE_NOT_FOUND, "saned at " + where.hostPort()
                        + " has no scanner called '" + where.device() + "'. " + ScanError.DEVICE_NOT_FOUND.advice(), e);
            }
            throw e;
        }
        return device;
    }

    /** Ends the SANE scan (sane_cancel) and closes device and connection, ignoring a dead connection. */
    private static void release(SaneSession session, SaneDevice device, boolean started) {
        if (device != null && device.isOpen()) {
            if (started) {
                try {
                    device.cancel();
                } catch (IOException | RuntimeException ignored) {
                    // connection already gone
                }
            }
            try {
                device.close();
            } catch (IOException | RuntimeException ignored) {
                // connection already gone
            }
        }
        closeQuietly(session);
    }

    private static void closeQuietly(SaneSession session) {
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // connection already gone
        }
    }

    /** Thrown from inside JFreeSane's read loop to stop reading a page when the scan is cancelled. */
    private static final class CancelledWhileReading extends RuntimeException {
        CancelledWhileReading() {
            super("cancelled", null, false, false);
        }
    }

    /** Tells the watchdog that data is arriving, and aborts the read when cancelled. */
    private static final class CancellingListener extends ScanListenerAdapter {
        private final CancelToken cancel;
        private final DriverSink sink;

        CancellingListener(CancelToken cancel, DriverSink sink) {
            this.cancel = cancel;
            this.sink = sink;
        }

        @Override
        public void frameAcquisitionStarted(SaneDevice device, SaneParameters parameters, int frame, int likelyTotal) {
            progress();
        }

        @Override
        public void recordRead(SaneDevice device, int totalBytesRead, int imageSizeBytes) {
            progress();
        }

        private void progress() {
            if (cancel.isCancelled()) {
                throw new CancelledWhileReading();
            }
            sink.alive();
        }
    }
}
