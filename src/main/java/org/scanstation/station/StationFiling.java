package org.scanstation.station;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.intake.BatchFiler;
import org.scanstation.intake.FilingIncompleteException;
import org.scanstation.intake.FilingPlan;
import org.scanstation.intake.FilingResult;
import org.scanstation.intake.InterruptedFiling;
import org.scanstation.store.StoredBatch;

/**
 * Files the open batch through the one filing path ({@link BatchFiler}, as {@code process} does), and
 * finishes any filing a crash or a failure left unfinished, at start and each time the clerk files. A
 * failure before the decisions are stored leaves the pages in the open batch, on the screen; after it,
 * filing again (or the next start) completes the same batch: no document is ever queued twice.
 */
final class StationFiling {

    private static final Logger LOG = Logger.getLogger(StationFiling.class.getName());

    private final OpenBatch open;
    private final BatchFiler filer;
    private final InterruptedFiling interrupted;
    private final StationEvents events;
    private final StationWork work;
    private final Runnable documentsQueued;

    /** @param documentsQueued told when documents may have been queued (wakes the uploader) */
    StationFiling(OpenBatch open, BatchFiler filer, InterruptedFiling interrupted, StationEvents events,
                  StationWork work, Runnable documentsQueued) {
        this.open = open;
        this.filer = filer;
        this.interrupted = interrupted;
        this.events = events;
        this.work = work;
        this.documentsQueued = documentsQueued;
    }

    /** Files the open batch on the work executor (after finishing any filing left unfinished). */
    void fileOpenBatch() {
        if (events.isScanning()) {
            throw new StationException("Wait for the scan to finish (or stop it) before filing the batch.");
        }
        OpenBatch.Filing filing = open.startFiling();
        events.pagesChanged();
        try {
            work.submit("filing the batch", () -> file(filing));
        } catch (RuntimeException e) {
            open.notFiled();
            events.pagesChanged();
            throw e;
        }
    }

    private void file(OpenBatch.Filing filing) throws InterruptedException {
        boolean filed = false;
        try {
            finishInterrupted();
            if (filing.batch() == null || filing.pages().isEmpty()) {
                return;
            }
            List<BatchFiler.FiledPage> pages = new ArrayList<>();
            for (OpenBatch.OpenPage p : filing.pages()) {
                int doc = p.live().document();
                pages.add(new BatchFiler.FiledPage(p.storedPage(), p.live().analysis(), doc == 0 ? null : doc));
            }
            FilingPlan plan = BatchFiler.plan(pages);
            startOcrCount(plan);
            FilingResult r = filer.file(filing.batch(), plan, pages, this::pageOcrd);
            filed = true;
            events.toUpload.addAndGet(r.queued());
            events.notice("Batch filed: " + r.queued() + " documents queued for upload, " + r.held()
                    + " held for review.");
        } catch (FilingIncompleteException e) {
            filed = true;
            events.toUpload.addAndGet(e.result().queued());
            events.notice("Batch filed, but not every document could be prepared yet: " + e.getMessage()
                    + " Retry now on the upload queue (or the next start) finishes them; nothing is queued twice.");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "filing a batch failed", e);
            filed = committed(filing.batch());
            events.notice(filed
                    ? "Batch filed, but it could not be completed: " + StationEvents.messageOf(e)
                    + " Retry now on the upload queue (or the next start) completes it; nothing is queued twice."
                    : "The batch could not be filed: " + StationEvents.messageOf(e) + " Its pages are still on"
                    + " this screen.");
        } finally {
            if (filed) {
                open.filed();
            } else {
                open.notFiled();
            }
            events.pagesChanged();
            events.queuesChanged();
            documentsQueued.run();
        }
    }

    /** True once the batch's decisions are stored: its filing is then decided, whatever happens next. */
    private static boolean committed(StoredBatch batch) {
        try {
            return batch.readDecisions().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void startOcrCount(FilingPlan plan) {
        events.ocrDone.set(0);
        events.ocrTotal.set(plan.documents().stream().filter(d -> d.holdReason() == null)
                .mapToInt(d -> d.pages().size()).sum());
        events.progress();
    }

    void pageOcrd(String page) {
        events.ocrDone.incrementAndGet();
        events.progress();
    }

    /** Finishes, on the work executor, every batch whose filing a crash or a failure left unfinished. */
    void retryInterrupted() {
        work.submit("finishing the batches left unfinished", this::finishInterrupted);
    }

    /** Finishes every batch whose filing a crash or a failure left unfinished (on the calling thread). */
    void finishInterrupted() throws InterruptedException {
        InterruptedFiling.Outcome outcome = interrupted.finishAll();
        for (FilingResult r : outcome.finished()) {
            events.toUpload.addAndGet(r.queued());
            events.notice("A batch left unfinished was completed: " + r.queued() + " documents queued for upload, "
                    + r.held() + " held for review.");
        }
        for (String problem : outcome.problems()) {
            events.notice("A batch left unfinished still cannot be completed: " + problem);
        }
        if (!outcome.finished().isEmpty()) {
            events.queuesChanged();
            documentsQueued.run();
        }
    }
}
