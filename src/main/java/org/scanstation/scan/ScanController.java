package org.scanstation.scan;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;

/**
 * The one entry point for scanning: picks the driver by the device URI's scheme, runs it on its own
 * thread and watches it. The caller's thread only waits on a queue, so a hung driver becomes a
 * {@link ScanError#TIMED_OUT} error after the page time-out while the caller stays responsive, and
 * a cancelled scan returns promptly with the pages delivered so far.
 *
 * <p>Pages are delivered to the caller's {@link ScanEventSink} on the caller's thread, in scan
 * order. A small bounded queue between driver and caller streams pages without buffering a batch.
 */
public final class ScanController {

    /** How long a cancelled driver may take to stop before it is abandoned. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(5);
    /** How long listing devices or reading capabilities may take per driver. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(15);
    private static final int QUEUE_CAPACITY = 2;
    private static final long POLL_MILLIS = 50;

    private final Map<String, ScanDriver> drivers = new LinkedHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
    private final Clock clock;

    public ScanController(List<? extends ScanDriver> drivers) {
        this(drivers, Clock.systemUTC());
    }

    public ScanController(List<? extends ScanDriver> drivers, Clock clock) {
        for (ScanDriver d : drivers) {
            this.drivers.put(d.scheme(), d);
        }
        this.clock = clock;
    }

    /** The registered drivers, in registration order. */
    public List<ScanDriver> drivers() {
        return List.copyOf(drivers.values());
    }

    /** Asks every driver for its devices; a driver that fails or hangs becomes a note, not an error. */
    public DeviceListing listDevices() {
        List<ScanDevice> devices = new ArrayList<>();
        List<DeviceListing.DriverNote> notes = new ArrayList<>();
        Map<ScanDriver, Future<List<ScanDevice>>> pending = new LinkedHashMap<>();
        for (ScanDriver d : drivers.values()) {
            ScanDriver.Availability availability = d.availability();
            if (!availability.available()) {
                notes.add(new DeviceListing.DriverNote(d.scheme(), availability.reason()));
            } else {
                pending.put(d, threads.submit(d::listDevices));
            }
        }
        long deadline = System.nanoTime() + QUERY_TIMEOUT.toNanos();
        for (Map.Entry<ScanDriver, Future<List<ScanDevice>>> e : pending.entrySet()) {
            try {
                devices.addAll(e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException ex) {
                notes.add(new DeviceListing.DriverNote(e.getKey().scheme(), messageOf(ex.getCause())));
            } catch (TimeoutException ex) {
                e.getValue().cancel(true);
                notes.add(new DeviceListing.DriverNote(e.getKey().scheme(),
                        "did not answer within " + QUERY_TIMEOUT.toSeconds() + " s"));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new DeviceListing(devices, notes);
    }

    /** The device's capabilities, under the same watchdog as a scan. */
    public ScanCapabilities capabilities(String deviceUri) {
        DeviceUri uri = DeviceUri.parse(deviceUri);
        ScanDriver driver = driverFor(uri);
        return callWatched(() -> driver.capabilities(uri), "reading the capabilities of " + uri);
    }

    /**
     * Scans from {@code deviceUri}, delivering pages to {@code sink} on this thread as they arrive.
     *
     * @return how the scan ended when it completed or was cancelled
     * @throws ScanException for a failure; {@link ScanException#pagesKept()} pages were delivered before it
     */
    public ScanResult scan(String deviceUri, ScanOptions options, CancelToken cancel, ScanEventSink sink) {
        DeviceUri uri = DeviceUri.parse(deviceUri);
        ScanDriver driver = driverFor(uri);
        return new WatchedScan(driver, uri, options, cancel, sink).run();
    }

    /** The driver serving {@code uri}'s scheme. */
    public ScanDriver driverFor(DeviceUri uri) {
        ScanDriver driver = drivers.get(uri.scheme());
        if (driver == null) {
            throw new ScanException(ScanError.INVALID_DEVICE, "No scanner driver for '" + uri
                    + "'. Known kinds: " + String.join(", ", drivers.keySet()));
        }
        ScanDriver.Availability availability = driver.availability();
        if (!availability.available()) {
            throw new ScanException(ScanError.DRIVER_UNAVAILABLE, availability.reason());
        }
        return driver;
    }

    private <T> T callWatched(Callable<T> call, String what) {
        Future<T> f = threads.submit(call);
        try {
            return f.get(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ScanException se) {
                throw se;
            }
            throw new ScanException(ScanError.DEVICE_ERROR, "Failed " + what + ": " + messageOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new ScanException(ScanError.TIMED_OUT, "The scanner did not answer within "
                    + QUERY_TIMEOUT.toSeconds() + " s while " + what + ". " + ScanError.TIMED_OUT.advice());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new ScanException(ScanError.TIMED_OUT, "Interrupted while " + what);
        }
    }

    static String messageOf(Throwable t) {
        if (t instanceof ScanException se) {
            return se.getMessage();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "scan-driver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Messages from the driver thread to the caller's thread. */
    private sealed interface Signal {
        record Page(BufferedImage image, int dpi, String source) implements Signal {
        }

        record Rejected(String source, String reason) implements Signal {
        }

        record Notice(String text) implements Signal {
        }

        record Finished(Throwable failure) implements Signal {
        }
    }

    /** One scan: the driver on a pool thread, the caller waiting on the queue with a watchdog. */
    private final class WatchedScan implements DriverSink {
        private final ScanDriver driver;
        private final DeviceUri uri;
        private final ScanOptions options;
        private final CancelToken callerCancel;
        private final ScanEventSink sink;
        private final CancelToken driverCancel = new CancelToken();
        private final BlockingQueue<Signal> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
        private int pages;
        private int rejected;

        WatchedScan(ScanDriver driver, DeviceUri uri, ScanOptions options, CancelToken cancel, ScanEventSink sink) {
            this.driver = driver;
            this.uri = uri;
            this.options = options;
            this.callerCancel = cancel;
            this.sink = sink;
        }

        ScanResult run() {
            // drivers' cancel actions (an HTTP DELETE, closing a socket) never run on the caller's thread
            callerCancel.onCancel(this::cancelDriver);
            Future<?> job = threads.submit(this::driveScanner);
            long cancelDeadline = Long.MAX_VALUE;
            try {
                while (true) {
                    Signal signal = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    long now = System.nanoTime();
                    if (signal == null) {
                        if (callerCancel.isCancelled() && cancelDeadline == Long.MAX_VALUE) {
                            cancelDeadline = now + CANCEL_GRACE.toNanos();
                        }
                        if (now > cancelDeadline) {
                            job.cancel(true); // the driver did not stop: abandon its thread
                            return new ScanResult(pages, rejected, true);
                        }
                        if (cancelDeadline == Long.MAX_VALUE
                                && now - lastProgress.get() > options.pageTimeout().toNanos()) {
                            cancelDriver();
                            job.cancel(true);
                            throw new ScanException(ScanError.TIMED_OUT, "The scanner sent nothing for "
                                    + describe(options.pageTimeout()) + " and was given up as hung. "
                                    + ScanError.TIMED_OUT.advice()).withPagesKept(pages);
                        }
                        continue;
                    }
                    if (signal instanceof Signal.Finished finished) {
                        return finish(finished.failure());
                    }
                    deliver(signal);
                    lastProgress.set(System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelDriver();
                job.cancel(true);
                return new ScanResult(pages, rejected, true);
            } catch (RuntimeException e) {
                // the caller's sink failed (e.g. disk full) or the watchdog fired: stop the driver
                cancelDriver();
                job.cancel(true);
                throw e;
            }
        }

        /** Cancels the driver off this thread: its cancel actions may block (network). */
        private void cancelDriver() {
            threads.execute(driverCancel::cancel);
        }

        private void deliver(Signal signal) {
            if (signal instanceof Signal.Page p) {
                pages++;
                ScanMetadata meta = new ScanMetadata(uri.toString(), driver.scheme(), options,
                        clock.instant(), pages, p.source());
                sink.accept(new ScanEvent.PageScanned(new ScannedImage(p.image(), p.dpi(), meta)));
            } else if (signal instanceof Signal.Rejected r) {
                rejected++;
                sink.accept(new ScanEvent.InputRejected(r.source(), r.reason()));
            } else if (signal instanceof Signal.Notice n) {
                sink.accept(new ScanEvent.Notice(n.text()));
            }
        }

        private ScanResult finish(Throwable failure) {
            if (failure == null || (failure instanceof InterruptedException && callerCancel.isCancelled())) {
                return new ScanResult(pages, rejected, callerCancel.isCancelled());
            }
            if (failure instanceof ScanException se) {
                if (callerCancel.isCancelled() && se.error() == ScanError.CONNECTION_LOST) {
                    return new ScanResult(pages, rejected, true);
                }
                throw se.withPagesKept(pages);
            }
            throw new ScanException(ScanError.DEVICE_ERROR, "The " + driver.scheme() + " driver failed: "
                    + messageOf(failure), failure).withPagesKept(pages);
        }

        private void driveScanner() {
            Throwable failure = null;
            try {
                driver.scan(uri, options, driverCancel, this);
            } catch (Throwable t) {
                failure = t;
            }
            // the caller may have left (time-out); never block forever on a full queue
            try {
                queue.offer(new Signal.Finished(failure), CANCEL_GRACE.toMillis() + options.pageTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void page(BufferedImage image, int dpi, String source) throws InterruptedException {
            alive();
            queue.put(new Signal.Page(image, dpi, source));
        }

        @Override
        public void rejected(String source, String reason) throws InterruptedException {
            alive();
            queue.put(new Signal.Rejected(source, reason));
        }

        @Override
        public void notice(String text) throws InterruptedException {
            alive();
            queue.put(new Signal.Notice(text));
        }

        @Override
        public void alive() {
            lastProgress.set(System.nanoTime());
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
