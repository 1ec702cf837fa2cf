package org.scanstation.upload.cmis.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * A servlet filter in front of the CMIS server that injects the failures a flaky EDMS produces:
 * the next N matching requests answer a given status (e.g. 500, 503) without reaching the
 * repository, or are delayed before (or after) the repository handles them. It also counts
 * requests so tests can check what the client did.
 */
public final class FaultInjectionFilter implements Filter {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile Predicate<HttpServletRequest> failWhen = r -> true;
    private final AtomicInteger delaysLeft = new AtomicInteger();
    private final AtomicLong delayMillis = new AtomicLong();
    private volatile boolean delayAfterHandling;
    private volatile Predicate<HttpServletRequest> delayWhen = r -> true;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger delayedHandled = new AtomicInteger();
    /** Bumped by {@link #reset()} so requests still held from an earlier test do not count. */
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicInteger injected = new AtomicInteger();

    /** The next {@code count} requests matching {@code when} answer {@code status} with a CMIS-style error body. */
    public void failNext(int count, int status, Predicate<HttpServletRequest> when) {
        failureStatus = status;
        failWhen = when;
        failuresLeft.set(count);
    }

    /**
     * The next {@code count} requests matching {@code when} are held for {@code millis}: before the
     * repository sees them, or (afterHandling) after it has acted but before the answer is sent.
     */
    public void delayNext(int count, long millis, boolean afterHandling, Predicate<HttpServletRequest> when) {
        delayMillis.set(millis);
        delayAfterHandling = afterHandling;
        delayWhen = when;
        delaysLeft.set(count);
    }

    public void reset() {
        failuresLeft.set(0);
        delaysLeft.set(0);
        generation.incrementAndGet();
        delayedHandled.set(0);
    }

    /**
     * Waits until {@code count} delayed requests have been handled by the repository (for
     * after-handling delays: the repository acted and the answer is being held back).
     */
    public void awaitDelayedHandled(int count, java.time.Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (delayedHandled.get() < count) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the repository did not handle " + count + " delayed request(s) in " + timeout);
            }
            Thread.sleep(20);
        }
    }

    public int requests() {
        return requests.get();
    }

    public int injectedFaults() {
        return injected.get();
    }

    /** Matches createDocument requests (multipart POSTs). */
    public static boolean isCreateDocument(HttpServletRequest r) {
        String ct = r.getContentType();
        return "POST".equals(r.getMethod()) && ct != null && ct.startsWith("multipart/");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        int gen = generation.get();
        requests.incrementAndGet();
        if (failWhen.test(http) && take(failuresLeft)) {
            injected.incrementAndGet();
            HttpServletResponse out = (HttpServletResponse) res;
            out.setStatus(failureStatus);
            out.setContentType("application/json");
            out.getWriter().write("{\"exception\":\"runtime\",\"message\":\"injected fault\"}");
            return;
        }
        boolean delay = delayWhen.test(http) && take(delaysLeft);
        if (delay) {
            injected.incrementAndGet();
        }
        if (delay && !delayAfterHandling) {
            pause();
        }
        if (delay && delayAfterHandling) {
            // let the repository act, hold the answer back: the client may give up in between
            BufferedResponse buffered = new BufferedResponse((HttpServletResponse) res);
            chain.doFilter(req, buffered);
            countHandled(gen);
            pause();
            buffered.commit();
            return;
        }
        chain.doFilter(req, res);
        if (delay) {
            countHandled(gen);
        }
    }

    private void countHandled(int gen) {
        if (generation.get() == gen) {
            delayedHandled.incrementAndGet();
        }
    }

    private void pause() {
        try {
            Thread.sleep(delayMillis.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean take(AtomicInteger left) {
        int n;
        do {
            n = left.get();
            if (n <= 0) {
                return false;
            }
        } while (!left.compareAndSet(n, n - 1));
        return true;
    }

    @Override
    public void init(FilterConfig filterConfig) {
    }

    @Override
    public void destroy() {
    }
}
