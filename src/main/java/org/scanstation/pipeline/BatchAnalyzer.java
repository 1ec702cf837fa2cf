package org.scanstation.pipeline;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.scanstation.image.PageLoadResult;

/**
 * Analyses a batch: pages are decoded in order on the calling thread and analysed on a small pool,
 * with at most {@code workers + 1} pages in memory at once; results come out in feeder order,
 * placed into documents by a {@link DocumentAssembler}. A page whose analysis fails becomes a
 * review page with the reason; it never stops the batch.
 */
public final class BatchAnalyzer {

    private final PageAnalyzer analyzer;
    private final int workers;

    public BatchAnalyzer(PageAnalyzer analyzer, int workers) {
        this.analyzer = analyzer;
        this.workers = Math.max(1, workers);
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
        Semaphore inFlight = new Semaphore(workers + 1);
        Deque<Future<PageFindings>> pending = new ArrayDeque<>();
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "page-analysis-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            source.pages(loaded -> {
                inFlight.acquire();
                try {
                    pending.add(pool.submit(() -> {
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
                    listener.pageAnalysed(assembler.accept(take(pending.pollFirst())));
                }
            });
            while (!pending.isEmpty()) {
                listener.pageAnalysed(assembler.accept(take(pending.pollFirst())));
            }
        } finally {
            pool.shutdownNow();
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
