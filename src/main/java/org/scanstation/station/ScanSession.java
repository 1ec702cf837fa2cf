package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.config.StationConfig;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.ScannedPage;
import org.scanstation.intake.StoredPages;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.pipeline.PageSource;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanEvent;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.ScanResult;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredPage;

/**
 * Scanning into the open batch: each page the scanner delivers is stored (encrypted, losslessly) before
 * it is analysed, then analysed on the station's one engine pool and shown with its thumbnail. Also
 * brings back, analysed again, an open batch an earlier session left unfiled.
 */
final class ScanSession {

    private static final Logger LOG = Logger.getLogger(ScanSession.class.getName());

    private final ScanController scanner;
    private final AnalysisEngine analysis;
    private final OpenBatch open;
    private final StationEvents events;
    private final StationWork work;
    private final OpenBatchPdfPages pdfPages;
    private volatile CancelToken currentScan;
    private int pageCounter;

    ScanSession(ScanController scanner, AnalysisEngine analysis, OpenBatch open, StationEvents events, StationWork work,
                OpenBatchPdfPages pdfPages) {
        this.pdfPages = pdfPages;
        this.scanner = scanner;
        this.analysis = analysis;
        this.open = open;
        this.events = events;
        this.work = work;
    }

    /** A page stored and handed to the analysis, waiting for its result (results come in feeder order). */
    private record Captured(int storedPage, BufferedImage image) {
    }

    synchronized void start(String deviceUri, StationConfig.ScanProfile profile, String operator) {
        if (events.isScanning()) {
            throw new StationException("A scan is already running. Stop it first.");
        }
        if (open.isFiling()) {
            throw new StationException("Wait until the batch being filed is done before scanning again.");
        }
        CancelToken cancel = new CancelToken();
        currentScan = cancel;
        events.scanning(true);
        ScanOptions requested = ScanOptionsFit.optionsFor(profile);
        try {
            work.submit("the scan", () -> run(deviceUri, requested, operator, cancel));
        } catch (RuntimeException e) {
            scanEnded();
            throw e;
        }
    }

    void stop() {
        CancelToken c = currentScan;
        if (c != null) {
            c.cancel();
        }
    }

    boolean isScanning() {
        return events.isScanning();
    }

    private void run(String deviceUri, ScanOptions requested, String operator, CancelToken cancel)
            throws InterruptedException {
        int runOffset = open.documentOffset();
        int[] lastDocument = {runOffset};
        synchronized (waiting) {
            waiting.clear();
        }
        try {
            ScanOptions options = ScanOptionsFit.fit(scanner, deviceUri, requested, events::notice);
            analyse(sink -> {
                ScanResult result = scanner.scan(deviceUri, options, cancel, event -> {
                    if (event instanceof ScanEvent.PageScanned ps) {
                        ScannedPage page = ps.page().toScannedPage(Path.of(nameOf(ps)));
                        store(open.batchForScanning(operator, deviceUri), page);
                        try {
                            sink.accept(new PageLoadResult.Loaded(page));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            cancel.cancel();
                        }
                    } else if (event instanceof ScanEvent.InputRejected r) {
                        events.notice("Skipped " + r.source() + ": " + r.reason());
                    }
                });
                events.notice(result.cancelled()
                        ? "Scan stopped: " + result.pages() + " pages kept."
                        : "Scan finished: " + result.pages() + " pages.");
            }, runOffset, lastDocument);
        } catch (ScanException e) {
            events.notice("The scanner stopped: " + e.getMessage() + " Pages scanned so far are kept.");
        } catch (StationException e) {
            events.notice(e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scan failed", e);
            events.notice("The scan stopped: " + StationEvents.messageOf(e) + " Pages scanned so far are kept.");
        } finally {
            open.scanEnded(lastDocument[0]);
            scanEnded();
        }
    }

    private synchronized void scanEnded() {
        currentScan = null;
        events.scanning(false);
    }

    private final Deque<Captured> waiting = new ArrayDeque<>();

    /** Stores the page (the open batch is made at its first page); one that cannot be stored stops the scan. */
    private void store(StoredBatch batch, ScannedPage page) {
        try {
            int index = StoredPages.store(batch, page, page.id().name());
            pdfPages.stored(batch, index, page);
            synchronized (waiting) {
                waiting.add(new Captured(index, page.image()));
            }
            events.scanned.incrementAndGet();
            events.progress();
        } catch (IOException e) {
            throw new UncheckedIOException("page " + page.id().name() + " could not be stored (" + e.getMessage()
                    + ")", e);
        }
    }

    private synchronized String nameOf(ScanEvent.PageScanned ps) {
        String source = ps.page().metadata().source();
        pageCounter++;
        return source != null && !source.isBlank() ? source : String.format("page-%04d", pageCounter);
    }

    /** Analyses the pages {@code source} delivers (each already stored) and adds them to the open batch. */
    private void analyse(PageSource source, int runOffset, int[] lastDocument) throws IOException, InterruptedException {
        try {
            analyseInto(source, runOffset, lastDocument);
        } finally {
            pdfPages.analysisEnded();
        }
    }

    private void analyseInto(PageSource source, int runOffset, int[] lastDocument) throws IOException, InterruptedException {
        analysis.analyse(source, page -> {
            Captured c;
            synchronized (waiting) {
                c = waiting.poll();
            }
            if (c == null) {
                throw new IllegalStateException("page " + page.id().name() + " was analysed but never stored");
            }
            int doc = page.document() == null ? 0 : runOffset + page.document() + 1;
            lastDocument[0] = Math.max(lastDocument[0], doc);
            added(page, c, doc);
        }, pdfPages);
    }

    private void added(PageAnalysis page, Captured c, int document) {
        BufferedImage thumb = c.image() == null ? null : PagePictures.thumbnail(c.image(), page.rotation());
        LivePage shown = open.add(new LivePage(0, page, thumb, document), c.storedPage());
        events.analysed.incrementAndGet();
        events.pageAdded(shown);
        events.progress();
    }

    /**
     * Reopens {@code batch}, scanned into by an earlier session and never filed: its stored pages are
     * analysed again and shown as the open batch (on the calling thread).
     */
    void reopen(StoredBatch batch) throws IOException, InterruptedException {
        open.reopen(batch, java.util.List.of());
        int[] lastDocument = {0};
        synchronized (this) {
            pageCounter = Math.max(pageCounter, batch.pages().stream().mapToInt(StoredPage::index).max().orElse(0));
        }
        analyse(sink -> {
            for (StoredPage p : batch.pages()) {
                PageLoadResult loaded;
                BufferedImage image = null;
                try {
                    ScannedPage page = StoredPages.read(batch, p, StoredPages.idOf(p));
                    pdfPages.stored(batch, p.index(), page);
                    image = page.image();
                    loaded = new PageLoadResult.Loaded(page);
                } catch (StoredPages.UndecodablePageException e) {
                    loaded = new PageLoadResult.Unreadable(StoredPages.idOf(p), e.getMessage());
                }
                synchronized (waiting) {
                    waiting.add(new Captured(p.index(), image));
                }
                events.scanned.incrementAndGet();
                sink.accept(loaded);
            }
        }, 0, lastDocument);
        open.scanEnded(lastDocument[0]);
        events.pagesChanged();
        events.notice(open.size() + " pages scanned before the station last stopped were not filed: they are back"
                + " in this batch.");
    }
}
