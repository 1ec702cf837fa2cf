package org.scanstation.image;

import java.time.Duration;

/**
 * When reading the current page must stop. Readers check it as they go (every byte read from the file,
 * every PDF content-stream operator), so a page that would take too long stops soon after its limit.
 * Thread-safe: the waiting thread may also call it off.
 */
final class PageDeadline {

    private final Duration limit;
    private final long endNanos;
    private volatile boolean calledOff;

    private PageDeadline(Duration limit) {
        this.limit = limit;
        this.endNanos = System.nanoTime() + limit.toNanos();
    }

    static PageDeadline after(Duration limit) {
        return new PageDeadline(limit);
    }

    /** A deadline far away, for reading outside a timed page (tests, probes). */
    static PageDeadline none() {
        return new PageDeadline(Duration.ofDays(365));
    }

    Duration limit() {
        return limit;
    }

    boolean passed() {
        return calledOff || System.nanoTime() - endNanos > 0;
    }

    /** Makes {@link #passed()} true now: the waiting side gave up on the page. */
    void callOff() {
        calledOff = true;
    }

    /** @throws PageTimeLimitException when the deadline has passed */
    void check() throws PageTimeLimitException {
        if (passed()) {
            throw new PageTimeLimitException(limit);
        }
    }

    /** Thrown inside a reader when its page went over the time limit. */
    static final class PageTimeLimitException extends java.io.IOException {
        PageTimeLimitException(Duration limit) {
            super("reading the page took longer than its time limit of " + ReadLimits.describe(limit));
        }
    }
}
