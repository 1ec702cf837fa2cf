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
    private final java.util.List<String> running = new java.util.ArrayList<>();

    StationWork(Executor executor, StationEvents events) {
        this.executor = executor;
        this.events = events;
    }

    /** Runs {@code task} on the work executor; {@code what} names it in a failure notice. */
    void submit(String what, Task task) {
        submit(StationEvents.Topic.SCAN, what, task);
    }

    /** As {@link #submit(String, Task)}; a failure is told on {@code topic}'s screen. */
    void submit(StationEvents.Topic topic, String what, Task task) {
        synchronized (this) {
            pending++;
            running.add(what);
        }
        events.progress();
        try {
            executor.execute(() -> run(topic, what, task));
        } catch (RuntimeException e) {
            finished(what);
            throw e;
        }
    }

    private void run(StationEvents.Topic topic, String what, Task task) {
        try {
            task.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            LOG.log(Level.SEVERE, what + " failed", e);
            events.notice(topic, capitalised(what) + " failed: " + StationEvents.messageOf(e));
        } finally {
            finished(what);
        }
    }

    private void finished(String what) {
        synchronized (this) {
            pending--;
            running.remove(what);
            notifyAll();
        }
        events.progress();
    }

    /** What is running or waiting to run, in words ("filing the batch", "the scan"), oldest first. */
    synchronized java.util.List<String> running() {
        return java.util.List.copyOf(running);
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
