package org.scanstation.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page-analysis threads, made once and kept for the life of the application (or of a command):
 * each thread keeps its own native OCR handles, so reusing the threads keeps their number flat however
 * many batches are analysed. Batches borrow the pool through {@link BatchAnalyzer}.
 */
public final class AnalysisPool implements AutoCloseable {

    private final int workers;
    private final ExecutorService threads;

    public AnalysisPool(int workers) {
        this.workers = Math.max(1, workers);
        AtomicInteger threadNo = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(this.workers, r -> {
            Thread t = new Thread(r, "page-analysis-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int workers() {
        return workers;
    }

    ExecutorService threads() {
        return threads;
    }

    /** Stops the threads once the pages handed to them are done (waits up to a minute). */
    @Override
    public void close() {
        threads.shutdown();
        try {
            if (!threads.awaitTermination(1, TimeUnit.MINUTES)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #close()} has run: the threads' native handles may then be released. */
    public boolean isClosed() {
        return threads.isTerminated();
    }
}
