package org.scanstation.station;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The station's long work (scans, filing, decisions) on the executor it was given (one background
 * thread in the application, the caller's thread in tests), counted so that a shutdown can wait until
 * nothing runs before the store is closed.
 */
final class StationWork {

    private static final Logger LOG = Logger.getLogger(StationWork.class.getName());

    /** A piece of work; a failure is logged and told to the clerk in words. */
    interface Task {
        void run() throws Exception;
    }

    private final Executor executor;
    private final StationEvents events;
    private int pending;

    StationWork(Executor executor, StationEvents events) {
        this.executor = executor;
        this.events = events;
    }

    /** Runs {@code task} on the work executor; {@code what} names it in a failure notice. */
    void submit(String what, Task task) {
        synchronized (this) {
            pending++;
        }
        events.progress();
        try {
            executor.execute(() -> run(what, task));
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
    }

    private void run(String what, Task task) {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.SEVERE, what + " failed", e);
            events.notice(capitalised(what) + " failed: " + StationEvents.messageOf(e));
        } finally {
            finished();
        }
    }

    private void finished() {
        synchronized (this) {
            pending--;
            notifyAll();
        }
        events.progress();
    }

    synchronized boolean busy() {
        return pending > 0;
    }

    /** Waits until no work is pending or running. */
    synchronized void awaitIdle() throws InterruptedException {
        while (pending > 0) {
            wait(200);
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
