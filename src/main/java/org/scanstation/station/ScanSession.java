package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.config.StationConfig;
import org.scanstation.image.ImageOps;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.ScannedPage;
import org.scanstation.intake.StoredPages;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.PageFindings;
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
 * it is analysed, then analysed on the station's one engine pool and placed in the batch as the clerk
 * arranged it (at the end, or in the place of a page waiting to be rescanned). Also brings back, analysed
 * again, an open batch an earlier session left unfiled, and analyses again a page the clerk turned.
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

    /** A page stored and handed to the analysis, waiting for its findings (findings come in feeder order). */
    private record Captured(int storedPage, String name, BufferedImage image, int turned, OpenBatch.Reopened how) {
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
        events.scanStarted();
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
        synchronized (waiting) {
            waiting.clear();
        }
        try {
            open.scanStarting();
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
            });
        } catch (ScanException e) {
            events.notice("The scanner stopped: " + e.getMessage() + " Pages scanned so far are kept.");
        } catch (StationException e) {
            events.notice(e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "scan failed", e);
            events.notice("The scan stopped: " + StationEvents.messageOf(e) + " Pages scanned so far are kept.");
        } finally {
            open.scanEnded();
            scanEnded();
            events.pagesChanged();
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
                waiting.add(new Captured(index, page.id().name(), page.image(), 0, null));
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

    /** Analyses the pages {@code source} delivers (each already stored, in {@link #waiting}) into the open batch. */
    private void analyse(PageSource source) throws IOException, InterruptedException {
        try {
            analyseInto(source);
        } finally {
            pdfPages.analysisEnded();
        }
    }

    private void analyseInto(PageSource source) throws IOException, InterruptedException {
        analysis.findings(source, found -> {
            Captured c;
            synchronized (waiting) {
                c = waiting.poll();
            }
            if (c == null) {
                throw new IllegalStateException("page " + found.id().name() + " was analysed but never stored");
            }
            added(found, c);
        }, pdfPages);
    }

    private void added(PageFindings found, Captured c) {
        PageFindings f = c.image() == null ? found
                : TurnedFindings.onStoredScan(found, c.turned(), c.image().getWidth(), c.image().getHeight());
        BufferedImage thumb = c.image() == null ? null : PagePictures.thumbnail(c.image(), f.rotation());
        OpenBatch.Entry entry = new OpenBatch.Entry(c.storedPage(), c.name(), f, thumb, c.turned());
        LivePage shown;
        if (c.how() != null) {
            open.restore(entry, c.how());
            shown = null;
        } else {
            shown = open.add(entry);
        }
        if (shown != null) {
            events.analysed.incrementAndGet();
            events.pageAdded(shown);
        }
        events.pagesChanged();
        events.progress();
    }

    /**
     * Reopens {@code batch}, scanned into by an earlier session and never filed: its stored pages are
     * analysed again (turned as the clerk turned them) and shown as the clerk arranged them (on the calling thread).
     */
    void reopen(StoredBatch batch) throws IOException, InterruptedException {
        open.reopen(batch);
        List<OpenBatch.Reopened> order = OpenBatch.reopenOrder(batch);
        synchronized (this) {
            pageCounter = Math.max(pageCounter, batch.pages().stream().mapToInt(StoredPage::index).max().orElse(0));
        }
        analyse(sink -> {
            for (OpenBatch.Reopened how : order) {
                StoredPage p = how.page();
                PageLoadResult loaded;
                BufferedImage image = null;
                try {
                    ScannedPage page = StoredPages.read(batch, p, StoredPages.idOf(p));
                    pdfPages.stored(batch, p.index(), page);
                    image = page.image();
                    loaded = new PageLoadResult.Loaded(turnedBy(page, how.turned()));
                } catch (StoredPages.UndecodablePageException e) {
                    loaded = new PageLoadResult.Unreadable(StoredPages.idOf(p), e.getMessage());
                }
                synchronized (waiting) {
                    waiting.add(new Captured(p.index(), p.sourceName(), image, how.turned(), how));
                }
                sink.accept(loaded);
            }
        });
        open.scanEnded();
        events.pagesChanged();
        events.notice(open.size() + " pages scanned before the station last stopped were not filed: they are back"
                + " in this batch, as you left them.");
    }

    /**
     * Turns a page of the open batch by quarter turns and analyses it again on the turned scan (on the work
     * executor): its label is read the right way up, and the PDF is built turned.
     */
    void turn(int id, int clockwiseDegrees) {
        if (events.isScanning()) {
            throw new StationException("Wait for the scan to finish (or stop it) before turning a page.");
        }
        OpenBatch.Entry e = open.entry(id);
        int turned = ((e.turned + clockwiseDegrees) % 360 + 360) % 360;
        StoredBatch batch = open.batch();
        work.submit("turning the page", () -> {
            StoredPage stored = batch.pages().stream().filter(p -> p.index() == id).findFirst()
                    .orElseThrow(() -> new StationException("That page is no longer in the store."));
            ScannedPage page = StoredPages.read(batch, stored, StoredPages.idOf(stored));
            PageFindings[] found = new PageFindings[1];
            analysis.findings(sink -> sink.accept(new PageLoadResult.Loaded(turnedBy(page, turned))),
                    f -> found[0] = f);
            PageFindings f = TurnedFindings.onStoredScan(found[0], turned, page.image().getWidth(),
                    page.image().getHeight());
            open.turned(id, f, PagePictures.thumbnail(page.image(), f.rotation()), turned);
            events.pagesChanged();
        });
    }

    private static ScannedPage turnedBy(ScannedPage page, int turned) {
        return turned % 360 == 0 ? page
                : new ScannedPage(page.id(), ImageOps.rotateQuadrant(page.image(), turned), page.dpi(), page.bilevel());
    }
}
