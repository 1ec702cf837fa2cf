package org.scanstation.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.scanstation.image.PageLoadResult;

/**
 * Analyses a batch: pages are decoded in order on the calling thread and analysed on the long-lived
 * {@link AnalysisPool}, with at most {@code workers + 1} pages in memory at once; results come out in
 * feeder order, placed into documents by a {@link DocumentAssembler}. A page whose analysis fails
 * becomes a review page with the reason; it never stops the batch.
 */
public final class BatchAnalyzer {

    private final PageAnalyzer analyzer;
    private final AnalysisPool pool;
    private final int workers;

    public BatchAnalyzer(PageAnalyzer analyzer, AnalysisPool pool) {
        this.analyzer = analyzer;
        this.pool = pool;
        this.workers = pool.workers();
    }

    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    public void analyse(PageSource source, BatchListener listener) throws IOException, InterruptedException {
        analyse(source, listener, AnalysedPageSink.NONE);
    }

    /**
     * As {@link #analyse(PageSource, BatchListener)}; each page that was analysed is first handed to {@code pages}
     * with its upright image, on the worker that analysed it.
     */
    public void analyse(PageSource source, BatchListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        DocumentAssembler assembler = new DocumentAssembler();
        findings(source, f -> listener.pageAnalysed(assembler.accept(f)), pages);
    }

    /** What each page shows on its own, in feeder order, before a {@link DocumentAssembler} places it. */
    @FunctionalInterface
    public interface FindingsListener {
        void pageFound(PageFindings findings);
    }

    /**
     * Analyses the pages as {@link #analyse} does, but hands out each page's own findings (in feeder order)
     * instead of placing them into documents: for a caller that places pages itself, e.g. the station,
     * whose clerk may reorder pages or say where a document starts.
     */
    public void findings(PageSource source, FindingsListener listener) throws IOException, InterruptedException {
        findings(source, listener, AnalysedPageSink.NONE);
    }

    /** As {@link #findings(PageSource, FindingsListener)}; each analysed page is first handed to {@code pages}. */
    public void findings(PageSource source, FindingsListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        Semaphore inFlight = new Semaphore(workers + 1);
        Deque<Future<PageFindings>> pending = new ArrayDeque<>();
        ExecutorService threads = pool.threads();
        boolean done = false;
        try {
            source.pages(loaded -> {
                inFlight.acquire();
                try {
                    pending.add(threads.submit(() -> {
                        try {
                            return analyseOne(loaded, pages);
                        } finally {
                            inFlight.release();
                        }
                    }));
                } catch (RuntimeException e) {
                    inFlight.release();
                    throw e;
                }
                while (!pending.isEmpty() && pending.peekFirst().isDone()) {
                    listener.pageFound(take(pending.pollFirst()));
                }
            });
            while (!pending.isEmpty()) {
                listener.pageFound(take(pending.pollFirst()));
            }
            done = true;
        } finally {
            if (!done) {
                // the source or the listener failed: the pool outlives this batch, its pages do not
                pending.forEach(f -> f.cancel(true));
            }
        }
    }

    private PageFindings analyseOne(PageLoadResult loaded, AnalysedPageSink pages) {
        if (loaded instanceof PageLoadResult.Unreadable u) {
            return PageFindings.unreadable(u.id(), u.reason());
        }
        PageLoadResult.Loaded page = (PageLoadResult.Loaded) loaded;
        AnalysedPage analysed;
        try {
            analysed = analyzer.analyseKeepingImage(page.page());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return PageFindings.unreadable(page.id(), "the page could not be analysed ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        pages.accept(analysed);
        return analysed.findings();
    }

    private static PageFindings take(Future<PageFindings> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("page analysis task failed", e.getCause());
        }
    }
}
