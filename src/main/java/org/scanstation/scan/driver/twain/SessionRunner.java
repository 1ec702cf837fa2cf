package org.scanstation.scan.driver.twain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * Runs TWAIN sessions, each on a dedicated thread that owns it from the manager's opening to its
 * closing (on Windows the thread's window and message loop belong to the session too). One session
 * at a time in this process: two data sources, or one source opened twice, in the same process is
 * something TWAIN drivers are not made for (the manager's own notes say so).
 */
final class SessionRunner {

    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1, true);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Work done inside a session, on the session's thread. */
    interface Job<T> {
        T run(TwainSession session) throws InterruptedException;
    }

    private SessionRunner() {
    }

    /**
     * Starts {@code job} on a new session thread once no other session is open, waiting at most
     * {@code wait} (or until {@code giveUp}). The session is closed (state 2) before the future
     * completes, whatever the job did.
     *
     * @throws ScanException {@link ScanError#DEVICE_BUSY} when another session stays open
     */
    static <T> Future<T> start(DsmLibrary dsm, Duration wait, BooleanSupplier giveUp, Job<T> job)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (!ONE_AT_A_TIME.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() > deadline || giveUp.getAsBoolean()) {
                throw new ScanException(ScanError.DEVICE_BUSY, "Another TWAIN scan or scanner check of this station is"
                        + " still running. " + ScanError.DEVICE_BUSY.advice() + " If this lasts, restart the station.");
            }
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> runSession(dsm, job, result), "twain-session-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            ONE_AT_A_TIME.release();
            throw e;
        }
        return result;
    }

    private static <T> void runSession(DsmLibrary dsm, Job<T> job, CompletableFuture<T> result) {
        T value = null;
        Throwable failure = null;
        try (SessionPlatform platform = SessionPlatform.create()) {
            TwainSession session = TwainSession.open(dsm, platform);
            try {
                value = job.run(session);
            } catch (Throwable t) {
                failure = t;
            } finally {
                session.close();
            }
        } catch (Throwable t) {
            failure = failure == null ? t : failure;
        } finally {
            ONE_AT_A_TIME.release();
        }
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /** Runs {@code job} in a session and waits for it (the session is closed when this returns). */
    static <T> T call(DsmLibrary dsm, Duration wait, Job<T> job) throws InterruptedException {
        return result(start(dsm, wait, () -> false, job));
    }

    /** The job's result, or its failure as a {@link ScanException}. */
    static <T> T result(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ScanException se) {
                throw se;
            }
            if (cause instanceof InterruptedException) {
                throw new InterruptedException("TWAIN session interrupted");
            }
            if (cause instanceof Error err) {
                throw new ScanException(ScanError.DEVICE_ERROR, "The TWAIN driver failed: " + err, err);
            }
            throw new ScanException(ScanError.DEVICE_ERROR, "The TWAIN driver failed: " + messageOf(cause), cause);
        }
    }

    private static String messageOf(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
