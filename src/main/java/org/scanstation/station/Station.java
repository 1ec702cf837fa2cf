package org.scanstation.station;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.scanstation.config.StationConfig;
import org.scanstation.image.ImageOps;
import org.scanstation.image.PageLoadResult;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;
import org.scanstation.ocr.LabelReading;
import org.scanstation.pipeline.BatchAnalyzer;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.pipeline.PageAnalyzer;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDevice;
import org.scanstation.scan.ScanEvent;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.ScanResult;
import org.scanstation.store.AuditEvent;
import org.scanstation.store.BatchId;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchIntake;
import org.scanstation.store.BatchStore;
import org.scanstation.store.DocumentState;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredDocument;
import org.scanstation.store.StoredPage;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.EdmsException;
import org.scanstation.upload.EdmsDocument;
import org.scanstation.upload.UploadListener;
import org.scanstation.upload.UploadOutcome;
import org.scanstation.upload.UploadQueue;
import org.scanstation.upload.UploadResult;
import org.scanstation.upload.UploadService;
import org.scanstation.upload.UploadSettings;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * The station in one object, for the window (and tests): scan from a device with a profile, pages
 * analysed as they arrive, the open batch filed into the encrypted store (auto-filed documents
 * exported to PDF/A and queued, the rest held for review), supervisors' review decisions (each one
 * in the audit trail), the upload queue and the EDMS connection.
 *
 * <p>Long work runs on the {@code work} executor given in {@link Parts} (one background thread in
 * the app, the caller's thread in tests); uploads run on the upload queue's own thread. Listeners
 * are called from those threads.
 */
public final class Station implements AutoCloseable {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    private static final Logger LOG = Logger.getLogger(Station.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THUMB_WIDTH = 120;
    static final String TITLE = "Scanned health record";

    /**
     * What the station is made of.
     *
     * @param edms           the EDMS client, or null to run offline (nothing configured)
     * @param edmsName       where uploads go, for the screens (e.g. the CMIS URL), or a reason for offline
     * @param work           runs long work: one background thread in the app, {@code Runnable::run} in tests
     * @param resources      closed with the station (OCR engines), may be null
     */
    public record Parts(ScanController scanner, PageAnalyzer analyzer, int workers, PatientIndex index,
                        BatchStore store, StationPdfExporter exporter, EdmsClient edms, UploadSettings uploadSettings,
                        String edmsName, LocalAccounts accounts, List<StationConfig.ScanProfile> profiles,
                        String defaultDevice, String stationId, Executor work, AutoCloseable resources) {
    }

    /** A page of the open batch with what is needed to file it. */
    private record OpenPage(LivePage live, String source, byte[] image, String mediaType, BufferedImage labelCrop) {
    }

    private final Parts parts;
    private final List<StationListener> listeners = new CopyOnWriteArrayList<>();
    private final List<OpenPage> open = new ArrayList<>();
    private final Map<String, BufferedImage> labelCrops = new ConcurrentHashMap<>();
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final AtomicInteger scanned = new AtomicInteger();
    private final AtomicInteger analysed = new AtomicInteger();
    private final AtomicInteger ocrDone = new AtomicInteger();
    private final AtomicInteger ocrTotal = new AtomicInteger();
    private final AtomicInteger uploaded = new AtomicInteger();
    private final AtomicInteger toUpload = new AtomicInteger();
    private final AtomicInteger pendingWork = new AtomicInteger();
    private final UploadQueue uploadQueue;
    private volatile CancelToken currentScan;
    private volatile boolean scanning;
    private volatile boolean online;
    private volatile String connectionText;
    private int documentOffset;
    private int pageCounter;

    public Station(Parts parts) {
        this.parts = parts;
        parts.exporter().onPageOcrd(n -> {
            ocrDone.addAndGet(n);
            fireProgress();
        });
        if (parts.edms() == null) {
            online = false;
            connectionText = "Offline: " + parts.edmsName();
            uploadQueue = null;
        } else {
            connectionText = "Connecting to " + parts.edmsName() + " ...";
            UploadService service = new UploadService(parts.edms(), parts.uploadSettings());
            uploadQueue = new UploadQueue(parts.store(), service, new QueueListener(), this::uploadRunEnded,
                    Duration.ofSeconds(30), Duration.ofSeconds(20));
        }
    }

    /** Starts the upload queue (if an EDMS is configured) and checks the connection in the background. */
    public void start() {
        if (uploadQueue != null) {
            uploadQueue.start();
        }
    }

    public void addListener(StationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(StationListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ scanning

    /** The scanners the drivers find (may take a few seconds: call off the UI thread). */
    public List<ScanDevice> devices() {
        return parts.scanner().listDevices().devices();
    }

    public List<StationConfig.ScanProfile> profiles() {
        return parts.profiles();
    }

    public String defaultDevice() {
        return parts.defaultDevice();
    }

    public boolean isScanning() {
        return scanning;
    }

    /**
     * Scans from {@code deviceUri} with {@code profile} on the work executor; the pages join the open
     * batch (a second scan adds to it, e.g. after a page was sent back for rescanning).
     *
     * @throws StationException when a scan is already running
     */
    public synchronized void startScan(String deviceUri, StationConfig.ScanProfile profile) {
        if (scanning) {
            throw new StationException("A scan is already running. Stop it first.");
        }
        ScanOptions options = optionsFor(profile);
        CancelToken cancel = new CancelToken();
        currentScan = cancel;
        scanning = true;
        pendingWork.incrementAndGet();
        fireProgress();
        submit(() -> runScan(deviceUri, options, cancel));
    }

    /** Asks the running scan to stop; pages already scanned stay in the open batch. */
    public void stopScan() {
        CancelToken c = currentScan;
        if (c != null) {
            c.cancel();
        }
    }

    static ScanOptions optionsFor(StationConfig.ScanProfile profile) {
        ScanOptions o = ScanOptions.defaults();
        if (profile == null) {
            return o;
        }
        if (profile.resolution() != null) {
            o = o.withResolution(profile.resolution());
        }
        if (profile.mode() != null) {
            o = o.withMode(ColorMode.parse(profile.mode()));
        }
        if (profile.source() != null) {
            o = o.withSource(PaperSource.parse(profile.source()));
        }
        return o;
    }

    /** The profile's options made to fit the device (a simplex scanner scans one side of a duplex profile). */
    private ScanOptions fitToDevice(String deviceUri, ScanOptions options) {
        try {
            ScanCapabilities caps = parts.scanner().capabilities(deviceUri);
            if (!caps.sources().isEmpty() && !caps.sources().contains(options.source())) {
                PaperSource fallback = caps.sources().contains(PaperSource.ADF) ? PaperSource.ADF
                        : caps.sources().iterator().next();
                notice("This scanner has no " + options.source().name().toLowerCase() + " source: using "
                        + fallback.name().toLowerCase() + ".");
                options = options.withSource(fallback);
            }
            if (!caps.modes().isEmpty() && !caps.modes().contains(options.mode())) {
                ColorMode mode = caps.modes().contains(ColorMode.GRAY) ? ColorMode.GRAY : caps.modes().iterator().next();
                options = options.withMode(mode);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "capabilities unknown", e);
        }
        return options;
    }

    private void runScan(String deviceUri, ScanOptions requested, CancelToken cancel) {
        ScanOptions options = fitToDevice(deviceUri, requested);
        Map<PageId, byte[]> images = new ConcurrentHashMap<>();
        Map<PageId, BufferedImage> raws = new ConcurrentHashMap<>();
        int runOffset;
        synchronized (this) {
            runOffset = documentOffset;
        }
        int[] maxDoc = {runOffset};
        try {
            new BatchAnalyzer(parts.analyzer(), parts.workers()).analyse(sink -> {
                ScanResult result = parts.scanner().scan(deviceUri, options, cancel, event -> {
                    if (event instanceof ScanEvent.PageScanned ps) {
                        PageId id = acceptPage(ps, images, raws);
                        try {
                            sink.accept(new PageLoadResult.Loaded(ps.page().toScannedPage(id.file())));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancel.cancel();
                        }
                    } else if (event instanceof ScanEvent.InputRejected r) {
                        notice("Skipped " + r.source() + ": " + r.reason());
                    }
                });
                notice(result.cancelled()
                        ? "Scan stopped: " + result.pages() + " pages kept."
                        : "Scan finished: " + result.pages() + " pages.");
            }, page -> {
                int doc = page.document() == null ? 0 : runOffset + page.document() + 1;
                maxDoc[0] = Math.max(maxDoc[0], doc);
                pageAnalysed(page, doc, images.remove(page.id()), raws.remove(page.id()));
            });
        } catch (ScanException e) {
            notice("The scanner stopped: " + e.getMessage() + " Pages scanned so far are kept.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scan failed", e);
            notice("The scan failed: " + messageOf(e) + " Pages scanned so far are kept.");
        } finally {
            synchronized (this) {
                documentOffset = Math.max(documentOffset, maxDoc[0]);
                scanning = false;
                currentScan = null;
            }
            pendingWork.decrementAndGet();
            fireProgress();
        }
    }

    private PageId acceptPage(ScanEvent.PageScanned ps, Map<PageId, byte[]> images, Map<PageId, BufferedImage> raws) {
        BufferedImage img = ps.page().image();
        boolean bilevel = ps.page().bilevel();
        int n;
        synchronized (this) {
            n = ++pageCounter;
        }
        PageId id = PageId.single(Path.of(String.format("page-%04d.%s", n, bilevel ? "png" : "jpg")));
        images.put(id, encode(img, bilevel ? "png" : "jpg"));
        raws.put(id, img);
        scanned.incrementAndGet();
        fireProgress();
        return id;
    }

    private void pageAnalysed(PageAnalysis page, int document, byte[] image, BufferedImage raw) {
        BufferedImage thumb = null;
        BufferedImage crop = null;
        if (raw != null) {
            BufferedImage small = scaleToWidth(raw, THUMB_WIDTH);
            thumb = page.rotation() == 0 ? small : ImageOps.rotateQuadrant(small, page.rotation());
            if (page.status() == PageStatus.REVIEW) {
                crop = labelCrop(raw, page);
            }
        }
        OpenPage op;
        synchronized (this) {
            LivePage live = new LivePage(open.size() + 1, page, thumb, document);
            op = new OpenPage(live, page.id().name(), image, page.id().name().endsWith(".png") ? "image/png"
                    : "image/jpeg", crop);
            open.add(op);
        }
        analysed.incrementAndGet();
        for (StationListener l : listeners) {
            l.pageAdded(op.live());
        }
        fireProgress();
    }

    /** The pages of the open batch (not yet filed), in scan order. */
    public synchronized List<LivePage> openPages() {
        return open.stream().map(OpenPage::live).toList();
    }

    /** Removes a page from the open batch (e.g. a page fed twice). */
    public void deletePage(int number) {
        synchronized (this) {
            if (number < 1 || number > open.size()) {
                throw new StationException("There is no page " + number + " in this batch.");
            }
            open.remove(number - 1);
            List<OpenPage> renumbered = new ArrayList<>();
            for (int i = 0; i < open.size(); i++) {
                OpenPage p = open.get(i);
                LivePage l = p.live();
                renumbered.add(new OpenPage(new LivePage(i + 1, l.analysis(), l.thumbnail(), l.document()),
                        p.source(), p.image(), p.mediaType(), p.labelCrop()));
            }
            open.clear();
            open.addAll(renumbered);
        }
        listeners.forEach(StationListener::pagesChanged);
    }

    /** Takes a page out so it can be fed again: the next scan adds the new pages to this batch. */
    public void rescanPage(int number) {
        deletePage(number);
        notice("Page " + number + " was removed. Put it back in the feeder and press Scan: new pages join this batch.");
    }

    /**
     * Files the open batch on the work executor: pages and decisions into the encrypted store,
     * auto-filed documents exported and queued for upload, the rest held for review.
     *
     * @param operator who scanned the batch (for the audit trail)
     */
    public void fileBatch(String operator, String device) {
        if (scanning) {
            throw new StationException("Wait for the scan to finish (or stop it) before filing the batch.");
        }
        List<OpenPage> pages;
        synchronized (this) {
            pages = List.copyOf(open);
            open.clear();
            documentOffset = 0;
        }
        if (pages.isEmpty()) {
            return;
        }
        listeners.forEach(StationListener::pagesChanged);
        pendingWork.incrementAndGet();
        submit(() -> {
            try {
                file(pages, operator, device);
            } finally {
                pendingWork.decrementAndGet();
                fireProgress();
            }
        });
    }

    private void file(List<OpenPage> pages, String operator, String device) {
        List<BatchIntake.IntakePage> intake = new ArrayList<>();
        Map<Integer, Boolean> autoFiled = new HashMap<>();
        Map<Integer, Integer> docPages = new HashMap<>();
        for (OpenPage p : pages) {
            PageAnalysis a = p.live().analysis();
            Integer doc = p.live().document() == 0 ? null : p.live().document() - 1;
            if (doc != null) {
                autoFiled.merge(doc, a.status() == PageStatus.MATCHED, Boolean::logicalAnd);
                docPages.merge(doc, 1, Integer::sum);
            }
            intake.add(new BatchIntake.IntakePage(p.source(), p.image(), p.mediaType(), a.status().json(),
                    nhsNumberOf(a), doc, a.rotation(), a.confidence(), a.reasons()));
        }
        ocrDone.set(0);
        ocrTotal.set(autoFiled.entrySet().stream().filter(Map.Entry::getValue)
                .mapToInt(e -> docPages.get(e.getKey())).sum());
        fireProgress();
        try {
            BatchIntake.IntakeResult r = new BatchIntake(parts.store(), parts.exporter(), TITLE)
                    .intake(new BatchInfo(operator, device, Map.of("station", parts.stationId())), intake);
            for (OpenPage p : pages) {
                if (p.labelCrop() != null && p.live().document() > 0) {
                    labelCrops.putIfAbsent(key(r.batchId(), p.live().document() - 1), p.labelCrop());
                }
            }
            toUpload.addAndGet(r.queued());
            notice("Batch filed: " + r.queued() + " documents queued for upload, " + r.held()
                    + " held for review.");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "filing a batch failed", e);
            synchronized (this) {
                open.addAll(0, pages);
            }
            listeners.forEach(StationListener::pagesChanged);
            notice("The batch could not be filed: " + messageOf(e) + " Its pages are still on this screen.");
            return;
        }
        wakeUploads();
        fireQueues();
    }

    /** The patient's NHS number, or for a page without one the first valid NHS number read on its labels. */
    static String nhsNumberOf(PageAnalysis a) {
        if (a.patient() != null) {
            return a.patient().nhsNumber().digits();
        }
        Optional<String> fromLabel = a.labels().stream().map(LabelReading::nhsDigits)
                .filter(d -> d != null && NhsNumber.hasValidCheckDigit(d)).findFirst();
        if (fromLabel.isPresent()) {
            return fromLabel.get();
        }
        for (org.scanstation.barcode.Barcode b : a.barcodes()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\d)\\d{10}(?!\\d)").matcher(b.text());
            while (m.find()) {
                if (NhsNumber.hasValidCheckDigit(m.group())) {
                    return m.group();
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ review

    /** Documents waiting for a supervisor's decision, oldest first. */
    public List<ReviewItem> reviewQueue() {
        Map<String, String> decided = reviewDecisions();
        List<ReviewItem> items = new ArrayList<>();
        for (StoredBatch batch : parts.store().batches()) {
            Map<Integer, JsonNode> decisions = null;
            for (StoredDocument doc : batch.documents()) {
                if (doc.state() != DocumentState.HELD || decided.containsKey(key(batch.id(), doc.index()))) {
                    continue;
                }
                if (decisions == null) {
                    decisions = decisions(batch);
                }
                Set<String> reasons = new LinkedHashSet<>();
                for (int p : doc.pages()) {
                    JsonNode d = decisions.get(p);
                    if (d != null) {
                        d.path("reasons").forEach(r -> reasons.add(r.asText()));
                    }
                }
                doc.lastDetail().ifPresent(reasons::add);
                String nhs = doc.nhsNumber();
                Patient candidate = nhs == null ? null : parts.index().byNhsNumber(nhs).orElse(null);
                BufferedImage crop = labelCrops.get(key(batch.id(), doc.index()));
                if (crop == null) {
                    crop = fallbackCrop(batch, doc, decisions);
                }
                Instant since = doc.lastChange() == null ? batch.createdAt() : doc.lastChange();
                items.add(new ReviewItem(batch.id(), doc.index(), doc.pages().size(), nhs, candidate,
                        List.copyOf(reasons), crop, since));
            }
        }
        items.sort(Comparator.comparing(ReviewItem::heldSince).thenComparing(i -> i.batchId().value())
                .thenComparingInt(ReviewItem::document));
        return items;
    }

    /** Patients of the index matching a name, NHS number, hospital number or birth date. */
    public List<Patient> searchPatients(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return parts.index().search(query.trim(), 20);
    }

    public LocalAccounts accounts() {
        return parts.accounts();
    }

    /** Files the document to the candidate patient, exports and queues it. */
    public void accept(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        if (item.candidate() == null) {
            throw new StationException("There is no candidate patient in the index for this document: search the "
                    + "index and choose the patient, or mark it unidentifiable.");
        }
        decide(item, () -> fileTo(item, item.candidate(), supervisor, "accept"));
    }

    /** Files the document to a patient the supervisor chose from the index, exports and queues it. */
    public void assign(ReviewItem item, Patient patient, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        if (patient == null) {
            throw new StationException("Choose a patient first.");
        }
        decide(item, () -> fileTo(item, patient, supervisor, "reassign"));
    }

    /** Holds the document for good: it is never uploaded. */
    public void markUnidentifiable(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        decide(item, () -> parts.store().audit().reviewDecision(item.batchId(), item.document(), null,
                supervisor.name(), "unidentifiable", item.nhsNumberRead(), item.reasons()));
    }

    /** Sends the document back to the clerk to be scanned again; it stays held, never uploaded. */
    public void sendForRescan(ReviewItem item, SignedInUser supervisor) {
        requireSupervisor(supervisor);
        decide(item, () -> {
            parts.store().audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), "rescan",
                    item.nhsNumberRead(), item.reasons());
            notice(item.key() + " was sent back for rescanning (" + item.pages() + " pages).");
        });
    }

    private interface StoreAction {
        void run() throws IOException;
    }

    private void decide(ReviewItem item, StoreAction action) {
        pendingWork.incrementAndGet();
        submit(() -> {
            try {
                action.run();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "review decision failed", e);
                notice("The decision on " + item.key() + " could not be saved: " + messageOf(e));
            } finally {
                pendingWork.decrementAndGet();
                fireQueues();
            }
        });
    }

    private void fileTo(ReviewItem item, Patient patient, SignedInUser supervisor, String decision) throws IOException {
        StoredBatch batch = parts.store().batch(item.batchId()).orElseThrow(() ->
                new StationException("Batch " + item.batchId().value() + " is no longer in the store."));
        StoredDocument doc = batch.document(item.document()).orElseThrow();
        String nhs = patient.nhsNumber().digits();
        if (!NhsNumber.hasValidCheckDigit(nhs)) {
            throw new StationException("The patient's NHS number is not valid.");
        }
        if (!nhs.equals(doc.nhsNumber())) {
            batch.refile(doc.index(), nhs);
        }
        Map<Integer, JsonNode> decisions = decisions(batch);
        List<BatchIntake.ExportPage> pages = new ArrayList<>();
        for (int p : doc.pages()) {
            StoredPage sp = batch.pages().stream().filter(x -> x.index() == p).findFirst().orElseThrow();
            JsonNode d = decisions.get(p);
            pages.add(new BatchIntake.ExportPage(sp.sourceName(), batch.readPage(p), sp.mediaType(),
                    d == null ? 0 : d.path("rotation").asInt(0)));
        }
        ocrDone.set(0);
        ocrTotal.set(pages.size());
        batch.putPdf(doc.index(), parts.exporter().export(pages, TITLE));
        batch.queue(doc.index());
        parts.store().audit().reviewDecision(item.batchId(), item.document(), null, supervisor.name(), decision, nhs,
                item.reasons());
        toUpload.incrementAndGet();
        wakeUploads();
    }

    private static void requireSupervisor(SignedInUser user) {
        if (user == null || !user.isSupervisor()) {
            throw new StationException("Only a signed-in supervisor can decide on a held document.");
        }
    }

    /** Review decisions recorded in the audit trail, by "batch/document". */
    private Map<String, String> reviewDecisions() {
        Map<String, String> out = new HashMap<>();
        try {
            for (AuditEvent e : parts.store().audit().events()) {
                if ("review-decision".equals(e.type()) && e.batch() != null && e.document() != null) {
                    out.put(e.batch() + "/" + e.document(), e.decision());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static Map<Integer, JsonNode> decisions(StoredBatch batch) {
        Map<Integer, JsonNode> out = new LinkedHashMap<>();
        try {
            Optional<byte[]> json = batch.readDecisions();
            if (json.isPresent()) {
                for (JsonNode p : JSON.readTree(json.get()).path("pages")) {
                    out.put(p.path("page").asInt(), p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "decisions of a batch unreadable", e);
        }
        return out;
    }

    /** The top of the document's first page, upright, when the label region is not known (after a restart). */
    private static BufferedImage fallbackCrop(StoredBatch batch, StoredDocument doc, Map<Integer, JsonNode> decisions) {
        if (doc.pages().isEmpty()) {
            return null;
        }
        int first = doc.pages().get(0);
        try {
            BufferedImage raw = ImageIO.read(new ByteArrayInputStream(batch.readPage(first)));
            if (raw == null) {
                return null;
            }
            JsonNode d = decisions.get(first);
            int rotation = d == null ? 0 : d.path("rotation").asInt(0);
            BufferedImage up = rotation == 0 ? raw : ImageOps.rotateQuadrant(raw, rotation);
            return scaleToWidth(up.getSubimage(0, 0, up.getWidth(), up.getHeight() / 3), 800);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static BufferedImage labelCrop(BufferedImage raw, PageAnalysis page) {
        try {
            BufferedImage upright = ImageOps.render(raw, page.transforms());
            Rectangle r = null;
            for (LabelReading l : page.labels()) {
                if (l.region() != null) {
                    r = r == null ? new Rectangle(l.region()) : r.union(l.region());
                }
            }
            if (r == null) {
                return scaleToWidth(upright.getSubimage(0, 0, upright.getWidth(), upright.getHeight() / 3), 800);
            }
            r.grow(40, 40);
            Rectangle clipped = r.intersection(new Rectangle(0, 0, upright.getWidth(), upright.getHeight()));
            if (clipped.isEmpty()) {
                return null;
            }
            BufferedImage crop = upright.getSubimage(clipped.x, clipped.y, clipped.width, clipped.height);
            return crop.getWidth() > 900 ? scaleToWidth(crop, 900) : copy(crop);
        } catch (RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------ upload queue

    public boolean isOnline() {
        return online;
    }

    public String connectionText() {
        return connectionText;
    }

    public String edmsName() {
        return parts.edmsName();
    }

    /**
     * Every document of the store with its upload state in plain words, newest batch first, after
     * what the store set aside for IT (a batch whose journal is damaged: never uploaded, never deleted).
     */
    public List<UploadLine> uploadLines() {
        Map<String, String> decided = reviewDecisions();
        List<UploadLine> lines = new ArrayList<>();
        for (org.scanstation.store.Quarantine.Item q : parts.store().quarantined()) {
            lines.add(new UploadLine(q.batch() == null ? "audit trail" : q.batch(), 0, 0,
                    "set aside for IT: not uploaded, nothing deleted", 0, q.describe(), true));
        }
        List<StoredBatch> batches = new ArrayList<>(parts.store().batches());
        batches.sort(Comparator.comparing(StoredBatch::createdAt).reversed());
        for (StoredBatch b : batches) {
            for (StoredDocument d : b.documents()) {
                String k = key(b.id(), d.index());
                String error = d.state() == DocumentState.FAILED ? d.lastDetail().orElse("refused by the EDMS")
                        : lastErrors.getOrDefault(k, "");
                lines.add(new UploadLine(b.id().value(), d.index() + 1, d.pages().size(),
                        stateWords(d, decided.get(k)), retries.getOrDefault(k, 0), error,
                        d.state() == DocumentState.FAILED));
            }
        }
        return lines;
    }

    static String stateWords(StoredDocument d, String decision) {
        return switch (d.state()) {
            case SCANNED, ANALYSED -> "being prepared";
            case EXPORTED -> "PDF ready";
            case QUEUED -> "waiting to upload";
            case UPLOADED -> "uploaded, being checked";
            case VERIFIED -> "uploaded and checked";
            case PURGED -> "uploaded (local copy removed)";
            case FAILED -> "failed: needs attention";
            case HELD -> decision == null ? "held: waiting for review"
                    : "unidentifiable".equals(decision) ? "held: unidentifiable, never uploaded"
                    : "rescan".equals(decision) ? "held: sent back for rescanning" : "held";
        };
    }

    /** Puts failed documents back in the queue and asks the uploader to try now. */
    public void retryNow() {
        pendingWork.incrementAndGet();
        submit(() -> {
            try {
                for (StoredBatch b : parts.store().batches()) {
                    for (StoredDocument d : b.documents()) {
                        if (d.state() == DocumentState.FAILED && d.pdfSha256() != null) {
                            b.requeue(d.index(), "retry asked at the station");
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                notice("Could not put the failed documents back in the queue: " + messageOf(e));
            } finally {
                pendingWork.decrementAndGet();
            }
            wakeUploads();
            fireQueues();
        });
    }

    private void wakeUploads() {
        if (uploadQueue != null) {
            uploadQueue.wake();
        }
    }

    /** Documents queued but not yet on the EDMS. */
    public int pendingUploads() {
        int n = 0;
        for (StoredBatch b : parts.store().batches()) {
            for (StoredDocument d : b.documents()) {
                if (d.state() == DocumentState.QUEUED || d.state() == DocumentState.UPLOADED) {
                    n++;
                }
            }
        }
        return n;
    }

    private void uploadRunEnded(UploadResult r) {
        boolean nowOnline = r.outcome() == UploadOutcome.NOTHING_TO_DO ? probe()
                : r.outcome() != UploadOutcome.EDMS_UNAVAILABLE;
        String text = nowOnline ? "Online: " + parts.edmsName()
                : "Offline: the EDMS does not answer. Documents wait here and upload when it is back.";
        setConnection(nowOnline, text);
        fireQueues();
    }

    /** Asks the EDMS for its repository: true when it answers (a run with nothing to send proves nothing). */
    private boolean probe() {
        try {
            parts.edms().repositoryInfo();
            return true;
        } catch (EdmsException | RuntimeException e) {
            return false;
        }
    }

    private void setConnection(boolean nowOnline, String text) {
        online = nowOnline;
        connectionText = text;
        for (StationListener l : listeners) {
            l.connection(nowOnline, text);
        }
    }

    private final class QueueListener implements UploadListener {
        @Override
        public void uploaded(StoredDocument document, EdmsDocument edms) {
            uploaded.incrementAndGet();
            lastErrors.remove(key(document.batchId(), document.index()));
            if (!online) {
                setConnection(true, "Online: " + parts.edmsName());
            }
            fireProgress();
            fireQueues();
        }

        @Override
        public void verified(StoredDocument document) {
            fireQueues();
        }

        @Override
        public void failed(StoredDocument document, String reason) {
            lastErrors.put(key(document.batchId(), document.index()), reason);
            fireQueues();
        }

        @Override
        public void creating(StoredDocument document) {
            current = key(document.batchId(), document.index());
        }

        @Override
        public void retrying(String operation, int failedAttempts, Duration wait, EdmsException cause) {
            String k = current;
            if (k != null) {
                retries.merge(k, 1, Integer::sum);
                lastErrors.put(k, "could not reach the EDMS (" + messageOf(cause) + "); trying again in "
                        + wait.toSeconds() + " s");
            }
            fireQueues();
        }

        private volatile String current;
    }

    // ------------------------------------------------------------------ state for the window

    /** The audit trail's events (for tests and an auditor's view). */
    public List<AuditEvent> auditForTests() throws IOException {
        return parts.store().audit().events();
    }

    public ScanProgress progress() {
        return new ScanProgress(scanning, scanned.get(), analysed.get(), ocrDone.get(), ocrTotal.get(),
                uploaded.get(), toUpload.get());
    }

    /** Resets the scanning counters for a new batch (the upload counters stay). */
    public void resetCounters() {
        scanned.set(0);
        analysed.set(0);
        fireProgress();
    }

    /** True while a scan, filing, export or decision is running, or pages wait to be filed. */
    public synchronized boolean hasWorkInFlight() {
        return scanning || pendingWork.get() > 0 || !open.isEmpty();
    }

    /**
     * Finishes for a shutdown: stops a running scan, files the open batch (nothing is lost) and waits
     * for the work executor to drain up to {@code wait}; uploads left in the queue resume next start.
     */
    public void finishForShutdown(String operator, String device, Duration wait) {
        stopScan();
        long deadline = System.nanoTime() + wait.toNanos();
        while (scanning && System.nanoTime() < deadline) {
            sleep();
        }
        synchronized (this) {
            if (!open.isEmpty() && !scanning) {
                fileBatch(operator, device);
            }
        }
        while (pendingWork.get() > 0 && System.nanoTime() < deadline) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException {
        if (uploadQueue != null) {
            try {
                uploadQueue.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (parts.edms() != null) {
            try {
                parts.edms().close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the EDMS client", e);
            }
        }
        parts.store().close();
        if (parts.resources() != null) {
            try {
                parts.resources().close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "closing the station's engines", e);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private void submit(Runnable task) {
        parts.work().execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "station task failed", e);
                notice("Something went wrong: " + messageOf(e));
            }
        });
    }

    private void notice(String text) {
        for (StationListener l : listeners) {
            l.notice(text);
        }
    }

    private void fireProgress() {
        ScanProgress p = progress();
        for (StationListener l : listeners) {
            l.progress(p);
        }
    }

    private void fireQueues() {
        listeners.forEach(StationListener::queuesChanged);
    }

    static String key(BatchId batch, int document) {
        return batch.value() + "/" + document;
    }

    static String messageOf(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IOException("no " + format + " writer for this image");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the page image could not be encoded", e);
        }
    }

    static BufferedImage scaleToWidth(BufferedImage src, int width) {
        int w = Math.max(1, width);
        int h = Math.max(1, (int) Math.round(src.getHeight() * (w / (double) src.getWidth())));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage src) {
        return scaleToWidth(src, src.getWidth());
    }
}
