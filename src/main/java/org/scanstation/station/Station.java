package org.scanstation.station;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.logging.Logger;
import org.scanstation.config.StationConfig;
import org.scanstation.files.NoPlaintextTempFiles;
import org.scanstation.intake.BatchFiler;
import org.scanstation.intake.Engines;
import org.scanstation.intake.InterruptedFiling;
import org.scanstation.intake.StoredPages;
import org.scanstation.intake.StoredReading;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.model.Patient;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDevice;
import org.scanstation.store.BatchId;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredPage;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.UploadSettings;

/**
 * The station as the window (and tests) see it: a thin facade over its parts, which all go the one way
 * from a captured page to a queued document that {@code process} goes (ADR 0008). {@link ScanSession}
 * scans into the {@link OpenBatch} (stored, encrypted, as pages arrive; arranged by the clerk);
 * {@link StationFiling} files it; {@link ReviewDesk} takes supervisors' decisions (and undoes them);
 * {@link UploadMonitor} uploads and reports.
 *
 * <p>Long work runs on the {@code work} executor given in {@link Parts} (one background thread in the
 * app, the caller's thread in tests); uploads run on the upload queue's own thread. Listeners are called
 * from those threads.
 */
public final class Station implements AutoCloseable {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    private static final Logger LOG = Logger.getLogger(Station.class.getName());

    /**
     * What the station is made of.
     *
     * @param engines        the analysis and text-layer OCR engines, made once for the station's life; closed with it
     * @param edms           the EDMS client, or null to run offline (nothing configured)
     * @param edmsCheck      a client of the same EDMS with short time-outs, for the connection check (may be null)
     * @param edmsName       where uploads go, for the screens (e.g. the CMIS URL), or a reason for offline
     * @param mrnFormat      the trust's hospital number format (to read identifiers out of barcodes for the reviewer)
     * @param supervisorIdle a signed-in supervisor is signed out after this long without using the station
     * @param work           runs long work: one background thread in the app, {@code Runnable::run} in tests
     */
    public record Parts(ScanController scanner, Engines engines, BatchStore store, EdmsClient edms, EdmsClient edmsCheck,
                        UploadSettings uploadSettings, String edmsName, LocalAccounts accounts,
                        List<StationConfig.ScanProfile> profiles, String defaultDevice, String stationId,
                        HospitalNumberFormat mrnFormat, Duration supervisorIdle, Executor work) {
    }

    private final Parts parts;
    private final StationEvents events = new StationEvents();
    private final StationWork work;
    private final OpenBatch open;
    private final PageViews views;
    private final ScanSession scans;
    private final StationFiling filing;
    private final ReviewDesk review;
    private final UploadMonitor uploads;
    private boolean closed;

    public Station(Parts parts) {
        this.parts = parts;
        this.work = new StationWork(parts.work(), events);
        this.open = new OpenBatch(parts.store(), parts.stationId());
        this.views = new PageViews(parts.mrnFormat());
        this.uploads = new UploadMonitor(parts.store(), parts.edms(), parts.edmsCheck(), parts.engines().patients(),
                parts.uploadSettings(), parts.edmsName(), events, work);
        // pages made ready for their PDF as they are analysed: filing does not decode or read them again
        OpenBatchPdfPages pdfPages = new OpenBatchPdfPages(parts.engines().analysis(), parts.engines().pdfs().writer());
        BatchFiler filer = new BatchFiler(parts.engines().storedDocumentPdf().withReadyPages(pdfPages),
                parts.store().audit());
        this.scans = new ScanSession(parts.scanner(), parts.engines().analysis(), open, events, work, pdfPages);
        this.filing = new StationFiling(open, parts.store(), filer, new InterruptedFiling(parts.store(), filer), events, work,
                uploads::wake);
        this.review = new ReviewDesk(parts.store(), parts.engines().patients(), parts.engines().storedDocumentPdf(),
                views, events, work, uploads::wake);
        // every sign-in attempt goes to the audit trail, and a lockout is rebuilt from it after a restart
        parts.accounts().recordTo(new AuditTrailSignInLog(parts.store().audit()));
    }

    /**
     * Starts the station: finishes any filing a crash left unfinished, brings back the open batch an
     * earlier session did not file (on the work executor), and starts the uploader (if an EDMS is configured).
     */
    public void start() {
        work.submit("starting the station", () -> {
            filing.finishInterrupted();
            List<StoredBatch> unfiled = new ArrayList<>();
            for (StoredBatch b : new InterruptedFiling(parts.store(), null).unfiled(BatchInfo.STATION)) {
                if (b.pages().isEmpty()) {
                    parts.store().removeEmptyBatch(b.id(), "a station batch with no pages");
                } else {
                    unfiled.add(b);
                }
            }
            if (!unfiled.isEmpty()) {
                scans.reopen(unfiled.get(0));
            }
            if (unfiled.size() > 1) {
                LOG.warning(() -> unfiled.size() + " unfiled station batches; the oldest was reopened");
            }
        });
        uploads.start();
    }

    public void addListener(StationListener listener) {
        events.add(listener);
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

    /** How long a signed-in supervisor may leave the station before being signed out. */
    public Duration supervisorIdle() {
        return parts.supervisorIdle();
    }

    /**
     * What the scanner cannot do of the profile, as a warning to read before scanning (e.g. a duplex profile
     * on a scanner without duplex); empty when it fits. May ask the scanner: call off the UI thread.
     */
    public Optional<String> profileWarning(String deviceUri, StationConfig.ScanProfile profile) {
        return ScanOptionsFit.misfit(parts.scanner(), deviceUri, profile);
    }

    public boolean isScanning() {
        return scans.isScanning();
    }

    /**
     * Scans from {@code deviceUri} with {@code profile} on the work executor; the pages join the open
     * batch (at the end, or in the place of the page waiting to be rescanned).
     *
     * @param operator the clerk scanning (recorded with a new batch)
     * @throws StationException when a scan is already running or a batch is being filed
     */
    public void startScan(String deviceUri, StationConfig.ScanProfile profile, String operator) {
        scans.start(deviceUri, profile, operator);
    }

    /** As {@link #startScan(String, StationConfig.ScanProfile, String)}, by the account running the station. */
    public void startScan(String deviceUri, StationConfig.ScanProfile profile) {
        startScan(deviceUri, profile, System.getProperty("user.name", "station"));
    }

    /** Asks the running scan to stop; pages already scanned stay in the open batch. */
    public void stopScan() {
        scans.stop();
    }

    /** The pages of the open batch (not yet filed), as the clerk arranged them. */
    public List<LivePage> openPages() {
        return open.livePages();
    }

    /** The open batch in numbers: scanned = filed + review + blank + separator. */
    public BatchTotals batchTotals() {
        return open.totals();
    }

    /**
     * Takes pages out of the open batch (e.g. a page fed twice). They stay in the store until the batch is
     * filed: {@link #undoDelete()} brings them back.
     *
     * @param ids the pages' {@link LivePage#id()}s
     */
    public int deletePages(Collection<Integer> ids) {
        int n = open.delete(ids, ids.size() == 1 ? "1 page" : ids.size() + " pages");
        events.pagesChanged();
        return n;
    }

    /** Takes every page out of the open batch (Undo brings them back until the batch is filed). */
    public int clearBatch() {
        List<Integer> all = openPages().stream().map(LivePage::id).toList();
        if (all.isEmpty()) {
            return 0;
        }
        int n = open.delete(all, "the whole batch (" + all.size() + " pages)");
        events.pagesChanged();
        return n;
    }

    /** Brings back the pages deleted last; returns what they were ("1 page"), or empty when there is nothing to undo. */
    public Optional<String> undoDelete() {
        String what = open.undoRemoval();
        events.pagesChanged();
        return Optional.ofNullable(what);
    }

    /** Moves pages (in their present order) before the page now at {@code position} (from 0; past the end: to the end). */
    public void movePages(Collection<Integer> ids, int position) {
        open.move(ids, position);
        events.pagesChanged();
    }

    /** What the clerk says about where a page's document starts. */
    public enum Boundary {
        AS_ANALYSED, STARTS_NEW, JOINS_PREVIOUS
    }

    public void setBoundary(int id, Boundary boundary) {
        open.setBoundary(id, OpenBatch.Boundary.valueOf(boundary.name()));
        events.pagesChanged();
    }

    /** Turns a page by quarter turns (clockwise degrees) and analyses it again, on the work executor. */
    public void turnPage(int id, int clockwiseDegrees) {
        scans.turn(id, clockwiseDegrees);
    }

    /**
     * Marks a page to be scanned again: the next scan's pages replace it in its place (the old page is kept
     * among the deleted pages, so Undo brings it back). Null cancels.
     */
    public void rescanInPlace(Integer id) {
        open.rescanInPlace(id);
        events.pagesChanged();
    }

    /** The page waiting to be rescanned in its place, if any. */
    public Optional<LivePage> awaitingRescan() {
        return openPages().stream().filter(LivePage::awaitingRescan).findFirst();
    }

    /** The whole page of the open batch, upright, what the analysis read marked on it (reads the store: off the UI thread). */
    public PageView openPageView(int id) {
        LivePage live = openPages().stream().filter(p -> p.id() == id).findFirst().orElse(null);
        StoredBatch batch = open.batch();
        String title = live == null ? "Page" : "Page " + live.number() + " of this batch";
        if (live == null || batch == null) {
            return PageView.unavailable(title, "That page is no longer in this batch.");
        }
        try {
            StoredPage page = batch.pages().stream().filter(p -> p.index() == id).findFirst()
                    .orElseThrow(() -> new IOException("the page is no longer in the store"));
            return views.of(title, StoredPages.read(batch, page, StoredPages.idOf(page)).image(),
                    live.analysis().transforms(), StoredReading.of(live.analysis()));
        } catch (IOException | RuntimeException e) {
            return PageView.unavailable(title, "The page cannot be shown: " + StationEvents.messageOf(e));
        }
    }

    /**
     * Files the open batch on the work executor, as {@code process} does: decisions stored, auto-filed
     * documents built as PDF/A and queued, the rest held for review. Any filing left unfinished by a crash or
     * an earlier failure is finished first. (Who scanned, on which scanner, was recorded when scanning began.)
     */
    public void fileBatch() {
        filing.fileOpenBatch();
    }

    /** What a batch being filed, a decision or a scan still has to do, for "Finish and close"; empty when idle. */
    public List<String> workInProgress() {
        return work.running();
    }

    // ------------------------------------------------------------------ review

    /** Documents waiting for a supervisor's decision, oldest first. */
    public List<ReviewItem> reviewQueue() {
        return review.queue();
    }

    /** Page {@code k} (from 0) of a held document, upright, what was read marked on it (reads the store: off the UI thread). */
    public PageView reviewPage(ReviewItem item, int k) {
        return review.page(item, k);
    }

    /** Patients of the index matching a name, NHS number, hospital number or birth date. */
    public List<Patient> searchPatients(String query) {
        return review.search(query);
    }

    public LocalAccounts accounts() {
        return parts.accounts();
    }

    /** Files the document to the candidate patient, builds its PDF and queues it. */
    public void accept(ReviewItem item, SignedInUser supervisor) {
        review.accept(item, supervisor);
    }

    /** Files the document to a patient the supervisor chose from the index, builds its PDF and queues it. */
    public void assign(ReviewItem item, Patient patient, SignedInUser supervisor) {
        review.assign(item, patient, supervisor);
    }

    /** Sets the document aside for good: it is never uploaded. */
    public void markUnidentifiable(ReviewItem item, SignedInUser supervisor) {
        review.markUnidentifiable(item, supervisor);
    }

    /** Sends the document back to the clerk to be scanned again; it is never uploaded. */
    public void sendForRescan(ReviewItem item, SignedInUser supervisor) {
        review.sendForRescan(item, supervisor);
    }

    /** Decisions that can still be undone (the document has not started to upload, or was not rescanned yet). */
    public List<DecidedItem> decided() {
        return review.decided();
    }

    /** Undoes a decision: the document waits for review again (on the work executor). */
    public void undoDecision(DecidedItem item, SignedInUser supervisor) {
        review.undo(item, supervisor);
    }

    /** The clerk's to-do: documents sent back for rescanning, with their sheets. */
    public List<RescanItem> rescans() {
        return review.rescans();
    }

    /** The clerk scanned the sheets of a document sent back again. */
    public void rescanned(RescanItem item, String clerk) {
        review.rescanned(item, clerk);
    }

    // ------------------------------------------------------------------ upload queue

    public boolean isOnline() {
        return uploads.isOnline();
    }

    public String connectionText() {
        return uploads.connectionText();
    }

    public String edmsName() {
        return uploads.edmsName();
    }

    /**
     * Every document of the store with its upload state and its own problem in plain words, newest batch first.
     */
    public List<UploadLine> uploadLines() {
        return uploads.lines();
    }

    /**
     * Tries again what is stuck: documents the EDMS failed go back in the queue, batches whose filing
     * stopped (e.g. a full disk) are finished; the EDMS is asked whether it answers (said in a notice) and
     * the uploader tries now.
     */
    public void retryNow() {
        filing.retryInterrupted();
        uploads.retryNow();
    }

    /** Documents queued but not yet on the EDMS. */
    public int pendingUploads() {
        return uploads.pending();
    }

    // ------------------------------------------------------------------ state for the window

    public ScanProgress progress() {
        return events.snapshot();
    }

    /** True while a scan, filing or decision is running, or pages wait to be filed. */
    public boolean hasWorkInFlight() {
        return isScanning() || work.busy() || !open.isEmpty();
    }

    /**
     * Gets ready to close: stops a running scan and waits until no work runs (a filing in progress
     * finishes). Pages not filed stay in the open batch, encrypted, and come back at the next start;
     * uploads left in the queue resume then too.
     */
    public void finishForShutdown() throws InterruptedException {
        stopScan();
        work.awaitIdle();
    }

    /** Closes the station once no work runs: the uploader, the EDMS connection, the store, the engines. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            finishForShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the station's work to finish; the store stays open", e);
        }
        closed = true;
        uploads.close();
        try {
            parts.store().close();
        } finally {
            parts.engines().close();
        }
    }

    static String key(BatchId batch, int document) {
        return batch.value() + "/" + document;
    }

    static String messageOf(Throwable t) {
        return StationEvents.messageOf(t);
    }
}
