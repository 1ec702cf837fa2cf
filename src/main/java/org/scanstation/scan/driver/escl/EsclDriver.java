package org.scanstation.scan.driver.escl;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.DeviceUri;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;
import org.scanstation.scan.driver.ScanDriver;
import org.scanstation.scan.driver.folder.ImageFiles;
import org.scanstation.scan.driver.folder.PageImages;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Driverless network scanners over eSCL / AirScan (Mopria eSCL): {@code escl://HOST:PORT/eSCL}.
 * {@code GET ScannerCapabilities}, {@code GET ScannerStatus} (feeder empty, jam, door open),
 * {@code POST ScanJobs} with a {@code ScanSettings} document (201 with the job's Location), then
 * {@code GET {job}/NextDocument} until 404, one page per document; 503 means "not ready yet" and
 * is retried. A cancel aborts the request in flight and sends {@code DELETE {job}}.
 * Devices are not discovered (no DNS-SD here): {@link #listDevices()} reports the configured ones.
 */
public final class EsclDriver implements ScanDriver {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    public static final String SCHEME = "escl";
    private static final MediaType XML = MediaType.get("text/xml; charset=utf-8");
    private static final Duration NOT_READY_PAUSE = Duration.ofMillis(500);
    private static final int MAX_NOT_READY = 240;

    private final OkHttpClient http;
    private final List<String> configured;
    private final Duration notReadyPause;

    /**
     * @param configured   device URIs ({@code escl://...}) that {@link #listDevices()} reports
     * @param readTimeout  how long one HTTP exchange may take (a page can take seconds to scan)
     */
    public EsclDriver(List<String> configured, Duration readTimeout) {
        this(configured, readTimeout, NOT_READY_PAUSE);
    }

    EsclDriver(List<String> configured, Duration readTimeout, Duration notReadyPause) {
        this.configured = List.copyOf(configured);
        this.notReadyPause = notReadyPause;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** A driver with an explicit pause between "not ready" (503) retries, for tests. */
    public static EsclDriver withRetryPause(List<String> configured, Duration readTimeout, Duration pause) {
        return new EsclDriver(configured, readTimeout, pause);
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public List<ScanDevice> listDevices() {
        List<ScanDevice> out = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String uri : configured) {
            try {
                EsclAddress address = EsclAddress.parse(DeviceUri.parse(uri));
                out.add(new ScanDevice(address.uri(), fetchCapabilities(address).makeAndModel(), SCHEME));
            } catch (ScanException e) {
                failures.add(uri + ": " + e.getMessage());
            }
        }
        if (out.isEmpty() && !failures.isEmpty()) {
            throw new ScanException(ScanError.CONNECTION_LOST, String.join(" ", failures));
        }
        return out;
    }

    @Override
    public ScanCapabilities capabilities(DeviceUri device) {
        return fetchCapabilities(EsclAddress.parse(device)).toScanCapabilities();
    }

    @Override
    public void scan(DeviceUri device, ScanOptions options, CancelToken cancel, DriverSink sink)
            throws InterruptedException {
        EsclAddress address = EsclAddress.parse(device);
        EsclCapabilities caps = fetchCapabilities(address);
        EsclCapabilities.InputCaps input = caps.inputs().get(options.source());
        if (input == null) {
            throw new ScanException(ScanError.UNSUPPORTED_OPTION, caps.makeAndModel() + " has no "
                    + options.source().id() + " source. It offers: " + caps.inputs().keySet().stream()
                    .map(PaperSource::id).toList() + ".");
        }
        if (options.source().isFeeder()) {
            checkFeeder(address, true, false);
        }
        EsclScanSettings settings = settingsFor(options, input, caps.makeAndModel());
        String job = createJob(address, settings);
        new JobRun(address, job, options, cancel, sink, settings).run();
    }

    private EsclScanSettings settingsFor(ScanOptions options, EsclCapabilities.InputCaps input, String name) {
        String mode = pickColorMode(options.mode(), input, name);
        int dpi = input.resolutions().isEmpty() ? options.resolution()
                : input.resolutions().stream()
                .min((a, b) -> Integer.compare(Math.abs(a - options.resolution()), Math.abs(b - options.resolution())))
                .orElseThrow();
        String format = input.formats().contains("image/jpeg") || input.formats().isEmpty() ? "image/jpeg"
                : input.formats().contains("image/png") ? "image/png"
                : input.formats().contains("application/pdf") ? "application/pdf"
                : input.formats().iterator().next();
        int[] region = EsclScanSettings.region(options.area(), input.maxWidth(), input.maxHeight());
        String source = options.source() == PaperSource.FLATBED ? "Platen" : "Feeder";
        return new EsclScanSettings(source, options.source() == PaperSource.DUPLEX, mode, dpi, format,
                region[0], region[1], region[2], region[3]);
    }

    private static String pickColorMode(ColorMode wanted, EsclCapabilities.InputCaps input, String name) {
        List<String> order = switch (wanted) {
            case COLOR -> List.of("RGB24");
            case GRAY -> List.of("Grayscale8");
            case LINEART -> List.of("BlackAndWhite1", "Grayscale8");
        };
        for (String m : order) {
            if (input.colorModes().contains(m) || input.colorModes().isEmpty()) {
                return m;
            }
        }
        throw new ScanException(ScanError.UNSUPPORTED_OPTION, name + " cannot scan in " + wanted.id()
                + " from this source. It offers: " + String.join(", ", input.colorModes()) + ".");
    }

    private EsclCapabilities fetchCapabilities(EsclAddress address) {
        Request request = new Request.Builder().url(address.baseUrl() + "ScannerCapabilities").get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new ScanException(ScanError.DEVICE_ERROR, "The scanner at " + address.uri()
                        + " did not give its capabilities (HTTP " + response.code() + "). Is this an eSCL address?");
            }
            return EsclCapabilities.parse(response.body().bytes());
        } catch (IOException e) {
            throw connectionFailure(e, address, false);
        }
    }

    private EsclStatus fetchStatus(EsclAddress address) throws IOException {
        Request request = new Request.Builder().url(address.baseUrl() + "ScannerStatus").get().build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("ScannerStatus answered HTTP " + response.code());
            }
            return EsclStatus.parse(response.body().bytes());
        }
    }

    /**
     * Throws the feeder's problem (empty, jam, door open) if it has one.
     *
     * @param beforeScan true before the job: a status that cannot be read is then left to the job
     * @param emptyIsFine true after pages were fed: an empty feeder is the normal end
     */
    private void checkFeeder(EsclAddress address, boolean beforeScan, boolean emptyIsFine) {
        EsclStatus status;
        try {
            status = fetchStatus(address);
        } catch (IOException e) {
            if (beforeScan) {
                return; // some devices have no usable status; the job itself will tell
            }
            throw connectionFailure(e, address, true);
        }
        ScanError problem = status.feederProblem();
        if (problem != null && !(emptyIsFine && problem == ScanError.NO_DOCUMENTS)) {
            throw ScanException.of(problem);
        }
    }

    private String createJob(EsclAddress address, EsclScanSettings settings) {
        Request request = new Request.Builder().url(address.baseUrl() + "ScanJobs")
                .post(RequestBody.create(settings.toXml(), XML)).build();
        try (Response response = http.newCall(request).execute()) {
            int code = response.code();
            if (code == 201) {
                String location = response.header("Location");
                HttpUrl job = location == null ? null : HttpUrl.get(address.baseUrl()).resolve(location);
                if (job == null) {
                    throw new ScanException(ScanError.DEVICE_ERROR, "The scanner accepted the job but did not say where it is (no Location).");
                }
                return job.toString().replaceAll("/+$", "");
            }
            if (code == 409 || code == 503) {
                throw ScanException.of(ScanError.DEVICE_BUSY);
            }
            throw new ScanException(ScanError.DEVICE_ERROR, "The scanner refused the scan job (HTTP " + code
                    + "). It may not support these settings: " + describe(settings) + ".");
        } catch (IOException e) {
            throw connectionFailure(e, address, true);
        }
    }

    private static String describe(EsclScanSettings s) {
        return s.inputSource() + (s.duplex() ? " duplex" : "") + ", " + s.colorMode() + ", " + s.resolution()
                + " dpi, " + s.format();
    }

    private static ScanException connectionFailure(IOException e, EsclAddress address, boolean connected) {
        if (e instanceof SocketTimeoutException) {
            return new ScanException(ScanError.TIMED_OUT, "The scanner at " + address.uri()
                    + " stopped answering. " + ScanError.TIMED_OUT.advice(), e);
        }
        String what = connected ? "The connection to the scanner at " + address.uri() + " was lost: "
                : "Cannot reach the scanner at " + address.uri() + ": ";
        return new ScanException(ScanError.CONNECTION_LOST, what + e.getMessage() + ". "
                + ScanError.CONNECTION_LOST.advice(), e);
    }

    /** Fetching the documents of one job. */
    private final class JobRun {
        private final EsclAddress address;
        private final String job;
        private final ScanOptions options;
        private final CancelToken cancel;
        private final DriverSink sink;
        private final EsclScanSettings settings;
        private final AtomicReference<Call> inFlight = new AtomicReference<>();
        private boolean deleted;

        JobRun(EsclAddress address, String job, ScanOptions options, CancelToken cancel, DriverSink sink,
               EsclScanSettings settings) {
            this.address = address;
            this.job = job;
            this.options = options;
            this.cancel = cancel;
            this.sink = sink;
            this.settings = settings;
        }

        void run() throws InterruptedException {
            cancel.onCancel(this::abort);
            int pages = 0;
            int notReady = 0;
            try {
                while (!cancel.isCancelled()) {
                    Call call = http.newCall(new Request.Builder().url(job + "/NextDocument").get().build());
                    inFlight.set(call);
                    try (Response response = call.execute()) {
                        int code = response.code();
                        if (code == 200) {
                            byte[] body = response.body().bytes();
                            notReady = 0;
                            pages += deliver(body, response.header("Content-Type"), pages);
                            if (options.source() == PaperSource.FLATBED) {
                                return;
                            }
                        } else if (code == 404 || code == 410) {
                            if (pages == 0 && options.source().isFeeder()) {
                                checkFeeder(address, false, false);
                                throw ScanException.of(ScanError.NO_DOCUMENTS);
                            }
                            if (options.source().isFeeder()) {
                                checkFeeder(address, false, true); // a jam ends a job early too
                            }
                            return;
                        } else if (code == 503) {
                            if (++notReady > MAX_NOT_READY) {
                                throw ScanException.of(ScanError.TIMED_OUT);
                            }
                            sink.alive();
                            Thread.sleep(notReadyPause.toMillis());
                        } else {
                            checkFeeder(address, false, pages > 0);
                            throw new ScanException(ScanError.DEVICE_ERROR, "The scanner failed to deliver page "
                                    + (pages + 1) + " (HTTP " + code + ").");
                        }
                    }
                }
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    return;
                }
                throw connectionFailure(e, address, true);
            } finally {
                if (cancel.isCancelled()) {
                    abort();
                }
            }
        }

        private int deliver(byte[] body, String contentType, int pagesSoFar) throws IOException, InterruptedException {
            String type = contentType == null ? settings.format() : contentType.toLowerCase(Locale.ROOT);
            if (type.contains("pdf") || (body.length > 4 && body[0] == '%' && body[1] == 'P')) {
                return deliverPdf(body);
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(body));
            if (image == null) {
                throw new IOException("page " + (pagesSoFar + 1) + " came as " + type + ", which cannot be decoded");
            }
            sink.page(PageImages.toMode(image, options.mode()), settings.resolution(), null);
            return 1;
        }

        /** A PDF the scanner sent, decoded in memory: a scanned page never touches the temporary folder. */
        private int deliverPdf(byte[] body) throws IOException, InterruptedException {
            int[] count = {0};
            try {
                // read in memory: no copy of the scanned document in the temporary folder
                ImageFiles.readPdf(body, "scanned document", (image, dpi, source) -> {
                    sink.page(PageImages.toMode(image, options.mode()), dpi, null);
                    count[0]++;
                });
            } catch (ImageFiles.UnreadableFileException e) {
                throw new IOException("the scanner sent a PDF that cannot be read: " + e.getMessage(), e);
            }
            return count[0];
        }

        /** Cancels the request in flight and deletes the job on the scanner (once; a second caller waits). */
        private synchronized void abort() {
            Call call = inFlight.get();
            if (call != null) {
                call.cancel();
            }
            if (deleted) {
                return;
            }
            deleted = true;
            try (Response ignored = http.newCall(new Request.Builder().url(job).delete().build()).execute()) {
                // the scanner stops feeding; the answer does not matter
            } catch (IOException ignored) {
                // scanner gone: nothing left to cancel
            }
        }
    }
}
