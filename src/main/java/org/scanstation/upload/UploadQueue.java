package org.scanstation.upload;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.store.BatchStore;

/**
 * Uploads in the background: one worker thread runs {@link UploadService#uploadAll} whenever it is
 * woken ({@link #wake()}, e.g. after a batch was queued) or the poll interval passes. After an
 * unavailable EDMS it waits {@code retryAfter} before trying again; after a run that needs
 * attention (e.g. bad credentials) it waits to be woken. Each run's result goes to the listener.
 */
public final class UploadQueue implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadQueue.class.getName());

    private final BatchStore store;
    private final UploadService service;
    private final UploadListener listener;
    private final Consumer<UploadResult> results;
    private final Duration pollInterval;
    private final Duration retryAfter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private volatile UploadResult lastResult;
    private Thread worker;

    /**
     * @param results      receives every run's result (on the worker thread)
     * @param pollInterval how often to look for work without being woken
     * @param retryAfter   pause after a run that found the EDMS unavailable
     */
    public UploadQueue(BatchStore store, UploadService service, UploadListener listener,
                       Consumer<UploadResult> results, Duration pollInterval, Duration retryAfter) {
        this.store = store;
        this.service = service;
        this.listener = listener;
        this.results = results;
        this.pollInterval = pollInterval;
        this.retryAfter = retryAfter;
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        woken = true;
        worker = new Thread(this::loop, "scanstation-upload");
        worker.setDaemon(true);
        worker.start();
    }

    /** Asks the worker to look for work now. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The latest run's result, or null before the first run ended. */
    public UploadResult lastResult() {
        return lastResult;
    }

    private void loop() {
        while (running) {
            if (!awaitWork()) {
                return;
            }
            UploadResult r;
            try {
                r = service.uploadAll(store, listener);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "upload run failed: " + e.getMessage(), e);
                r = new UploadResult(UploadOutcome.NEEDS_ATTENTION, 0, 0, 0, 0, 0, 0,
                        java.util.List.of("upload run failed: " + e.getMessage()));
            }
            lastResult = r;
            results.accept(r);
            if (r.outcome() == UploadOutcome.INTERRUPTED) {
                return;
            }
            if (r.outcome() == UploadOutcome.EDMS_UNAVAILABLE) {
                pause(retryAfter);
            }
        }
    }

    /** Waits until woken or the poll interval passes; false when stopping. */
    private boolean awaitWork() {
        lock.lock();
        try {
            long left = pollInterval.toNanos();
            while (!woken && running && left > 0) {
                left = changed.awaitNanos(left);
            }
            woken = false;
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private void pause(Duration d) {
        lock.lock();
        try {
            changed.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the worker (an upload in progress is interrupted; the journal lets the next run resume). */
    public void stop() throws InterruptedException {
        Thread t;
        synchronized (this) {
            running = false;
            t = worker;
            worker = null;
        }
        if (t != null) {
            t.interrupt();
            t.join(10_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
