package org.scanstation.pdf;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextReader;
import org.scanstation.ocr.TesseractOcrEngine;
import org.scanstation.model.Progress;

/**
 * Full-page OCR for the PDF text layer, run in a bounded background pool so that it never holds up
 * scanning. The pool has a fixed number of threads (one Tesseract per thread; run the process with
 * {@code OMP_THREAD_LIMIT=1}) and accepts at most {@code maxQueued} waiting pages: {@link #submit}
 * blocks beyond that, so memory stays bounded however fast pages arrive. Pages are read as
 * {@link PageTextReader} reads a page for the text layer: at half resolution from 250 dpi, low-contrast pages
 * black-and-white relative to their paper (Tesseract's own threshold misses light print on grey paper and
 * chokes on noisy blank pages). Pages the analysis made ready on its own workers do not come here (ADR 0015).
 */
public final class TextLayerOcr implements AutoCloseable {

    private final OcrEngine engine;
    private final boolean ownsEngine;
    private final ExecutorService pool;
    private final Semaphore slots;

    /**
     * @param engine    the OCR engine (thread-safe); not closed by {@link #close()}
     * @param threads   pool size, at least 1
     * @param maxQueued pages that may wait for a thread beyond those being recognised
     */
    public TextLayerOcr(OcrEngine engine, int threads, int maxQueued) {
        this(engine, false, threads, maxQueued);
    }

    private TextLayerOcr(OcrEngine engine, boolean ownsEngine, int threads, int maxQueued) {
        if (threads < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("threads must be >= 1 and maxQueued >= 0");
        }
        this.engine = Objects.requireNonNull(engine, "engine");
        this.ownsEngine = ownsEngine;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "text-layer-ocr-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
        this.slots = new Semaphore(threads + maxQueued);
    }

    /** Tesseract in page layout (English), one thread per core, closed with this object. */
    public static TextLayerOcr createDefault() throws OcrException {
        int cores = Runtime.getRuntime().availableProcessors();
        return new TextLayerOcr(TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.PAGE), true, cores, cores * 2);
    }

    /**
     * Queues one upright page of unknown resolution for OCR (read at the resolution it has); blocks while the
     * queue is full. The future fails with an {@link OcrException} when OCR fails.
     */
    public CompletableFuture<OcrText> submit(BufferedImage uprightPage) throws InterruptedException {
        return submit(uprightPage, 0);
    }

    /**
     * Queues one upright page for OCR; blocks while the queue is full. The future fails with an
     * {@link OcrException} when OCR fails. Word boxes are in {@code uprightPage}'s pixels.
     *
     * @param dpi the page's resolution, 0 when unknown
     */
    public CompletableFuture<OcrText> submit(BufferedImage uprightPage, int dpi) throws InterruptedException {
        Objects.requireNonNull(uprightPage, "uprightPage");
        slots.acquire();
        CompletableFuture<OcrText> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(PageTextReader.read(engine, uprightPage, dpi));
                } catch (OcrException | RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        return result;
    }

    /**
     * OCRs every page, in parallel, and returns their texts in page order. {@code progress} hears of
     * each page as it completes (from pool threads).
     *
     * @throws OcrException naming the first page (from 1) whose OCR failed
     */
    public List<OcrText> recogniseAll(List<BufferedImage> pages, Progress progress)
            throws OcrException, InterruptedException {
        Progress p = progress == null ? Progress.NONE : progress;
        int total = pages.size();
        p.started(total);
        // Progress is told of pages from pool threads; once finished() is said, a page still completing
        // in the background (after a failure) must not report after it.
        Object progressLock = new Object();
        boolean[] closed = {false};
        try {
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<OcrText>> futures = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                int pageNumber = i + 1;
                futures.add(submit(pages.get(i)).whenComplete((text, error) -> {
                    synchronized (progressLock) {
                        if (!closed[0]) {
                            p.advanced(done.incrementAndGet(), total,
                                    (error == null ? "OCR done: page " : "OCR failed: page ") + pageNumber);
                        }
                    }
                }));
            }
            List<OcrText> texts = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                try {
                    texts.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(false));
                    Throwable cause = e.getCause();
                    throw new OcrException("OCR failed on page " + (i + 1) + ": " + cause.getMessage(), cause);
                }
            }
            return texts;
        } finally {
            synchronized (progressLock) {
                closed[0] = true;
                p.finished();
            }
        }
    }

    /**
     * Stops the pool after the queued pages (waiting up to a minute) and releases the engine if owned.
     * An engine still busy in a native call after that is left open rather than freed under it.
     */
    @Override
    public void close() {
        pool.shutdown();
        boolean idle;
        try {
            idle = pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            idle = false;
        }
        if (!idle) {
            pool.shutdownNow();
        } else if (ownsEngine) {
            engine.close();
        }
    }
}
