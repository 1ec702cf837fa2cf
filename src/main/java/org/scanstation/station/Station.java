package org.scanstation.station;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.config.StationConfig;
import org.scanstation.intake.BatchFiler;
import org.scanstation.intake.Engines;
import org.scanstation.intake.InterruptedFiling;
import org.scanstation.model.Patient;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanDevice;
import org.scanstation.store.BatchId;
import org.scanstation.store.BatchInfo;
import org.scanstation.store.BatchStore;
import org.scanstation.store.StoredBatch;
import org.scanstation.upload.EdmsClient;
import org.scanstation.upload.UploadSettings;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * The station as the window (and tests) see it: a thin facade over its parts, which all go the one way
 * from a captured page to a queued document that {@code process} goes (ADR 0008). {@link ScanSession}
 * scans into the {@link OpenBatch} (stored, encrypted, as pages arrive); {@link StationFiling} files it;
 * {@link ReviewDesk} takes supervisors' decisions; {@link UploadMonitor} uploads and reports.
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
     * @param engines  the analysis and text-layer OCR engines, made once for the station's life; closed with it
     * @param edms     the EDMS client, or null to run offline (nothing configured)
     * @param edmsName where uploads go, for the screens (e.g. the CMIS URL), or a reason for offline
     * @param work     runs long work: one background thread in the app, {@code Runnable::run} in tests
     */
    public record Parts(ScanController scanner, Engines engines, BatchStore store, EdmsClient edms,
                        UploadSettings uploadSettings, String edmsName, LocalAccounts accounts,
                        List<StationConfig.ScanProfile> profiles, String defaultDevice, String stationId, Executor work) {
    }

    private final Parts parts;
    private final StationEvents events = new StationEvents();
    private final StationWork work;
    private final OpenBatch open;
    private final ScanSession scans;
    private final StationFiling filing;
    private final ReviewDesk review;
    private final UploadMonitor uploads;
    private boolean closed;

    public Station(Parts parts) {
        this.parts = parts;
        this.work = new StationWork(parts.work(), events);
        this.open = new OpenBatch(parts.store(), parts.stationId());
        this.uploads = new UploadMonitor(parts.store(), parts.edms(), parts.uploadSettings(), parts.edmsName(), events,
                work);
        // pages made ready for their PDF as they are analysed: filing does not decode or read them again
        OpenBatchPdfPages pdfPages = new OpenBatchPdfPages(parts.engines().analysis(), parts.engines().pdfs().writer());
        BatchFiler filer = new BatchFiler(parts.engines().storedDocumentPdf().withReadyPages(pdfPages),
                parts.store().audit());
        this.scans = new ScanSession(parts.scanner(), parts.engines().analysis(), open, events, work, pdfPages);
        this.filing = new StationFiling(open, filer, new InterruptedFiling(parts.store(), filer), events, work,
                uploads::wake);
        this.review = new ReviewDesk(parts.store(), parts.engines().patients(), parts.engines().storedDocumentPdf(),
                events, work, uploads::wake);
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

    public boolean isScanning() {
        return scans.isScanning();
    }

    /**
     * Scans from {@code deviceUri} with {@code profile} on the work executor; the pages join the open
     * batch (a second scan adds to it, e.g. after a page was sent back for rescanning).
     *
     * @param operator who is scanning (recorded with a new batch)
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

    /** The pages of the open batch (not yet filed), in scan order. */
    public List<LivePage> openPages() {
        return open.livePages();
    }

    /** Removes a page from the open batch (e.g. a page fed twice): from the screen and from the store. */
    public void deletePage(int number) {
        try {
            open.remove(number, "deleted at the station");
        } catch (IOException e) {
            throw new StationException("Page " + number + " could not be removed: " + StationEvents.messageOf(e), e);
        }
        events.pagesChanged();
    }

    /** Takes a page out so it can be fed again: the next scan adds the new pages to this batch. */
    public void rescanPage(int number) {
        deletePage(number);
        events.notice("Page " + number + " was removed. Put it back in the feeder and press Scan: new pages join this"
                + " batch.");
    }

    /**
     * Files the open batch on the work executor, as {@code process} does: decisions stored, auto-filed
     * documents built as PDF/A and queued, the rest held for review. Any filing left unfinished by a crash or
     * an earlier failure is finished first. (Who scanned, on which scanner, was recorded when scanning began.)
     */
    public void fileBatch() {
        filing.fileOpenBatch();
    }

    // ------------------------------------------------------------------ review

    /** Documents waiting for a supervisor's decision, oldest first. */
    public List<ReviewItem> reviewQueue() {
        return review.queue();
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
     * Every document of the store with its upload state in plain words, newest batch first, after
     * what the store set aside for IT (a batch whose journal is damaged: never uploaded, never deleted).
     */
    public List<UploadLine> uploadLines() {
        return uploads.lines();
    }

    /**
     * Tries again what is stuck: documents the EDMS failed go back in the queue, and batches whose filing
     * stopped (e.g. a full disk) are finished; then the uploader tries now.
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

    /** Resets the scanning counters for a new batch (the upload counters stay). */
    public void resetCounters() {
        events.scanned.set(0);
        events.analysed.set(0);
        events.progress();
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
