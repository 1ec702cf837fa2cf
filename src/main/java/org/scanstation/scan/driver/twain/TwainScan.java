package org.scanstation.scan.driver.twain;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.scanstation.scan.CancelToken;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;
import org.scanstation.scan.driver.DriverSink;

/**
 * One scan: the session's thread opens, negotiates and transfers; this (the driver's) thread hands
 * the pages and notes on to the sink as they come, signals progress, and returns when the session
 * has closed. A cancel stops the session between pages; the pages already received are handed on.
 */
final class TwainScan {

    private static final Logger LOG = Logger.getLogger(TwainScan.class.getName());

    private final DsmLibrary dsm;
    private final String source;
    private final ScanOptions options;
    private final TransferMode transferMode;
    private final Duration sessionWait;
    private final PageHandoff handoff = new PageHandoff();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong progress = new AtomicLong();

    TwainScan(DsmLibrary dsm, String source, ScanOptions options, TransferMode transferMode, Duration sessionWait) {
        this.dsm = dsm;
        this.source = source;
        this.options = options;
        this.transferMode = transferMode;
        this.sessionWait = sessionWait;
    }

    void run(CancelToken cancel, DriverSink sink) throws InterruptedException {
        cancel.onCancel(() -> stop.set(true));
        Future<Integer> session;
        try {
            session = SessionRunner.start(dsm, sessionWait, stop::get, this::inSession);
        } catch (ScanException e) {
            if (stop.get()) {
                return; // cancelled while another session was still open: nothing was scanned
            }
            throw e;
        }
        try {
            forward(session, sink);
            SessionRunner.result(session);
        } catch (InterruptedException | RuntimeException e) {
            // the caller leaves (cancelled past its grace time, or its sink failed): the session ends by itself
            stop.set(true);
            handoff.abandon();
            throw e;
        }
    }

    /** On the session's thread. */
    private int inSession(TwainSession s) throws InterruptedException {
        s.openSource(source);
        ScanSetup.Agreed agreed = ScanSetup.negotiate(s, options, transferMode);
        for (String note : agreed.notes()) {
            LOG.info(() -> "TWAIN " + source + ": " + note);
            handoff.put(new PageHandoff.Note(note));
        }
        return new Acquisition(s, agreed, stop::get, progress::incrementAndGet)
                .run((image, dpi) -> handoff.put(new PageHandoff.Page(image, dpi)));
    }

    /** On the driver's thread: pages and notes to the sink until the session has ended and nothing is left. */
    private void forward(Future<Integer> session, DriverSink sink) throws InterruptedException {
        long seen = 0;
        while (true) {
            PageHandoff.Item item = handoff.poll(50);
            if (item instanceof PageHandoff.Page p) {
                try {
                    sink.page(p.image(), p.dpi(), null);
                } finally {
                    handoff.handedOn();
                }
            } else if (item instanceof PageHandoff.Note n) {
                try {
                    sink.notice(n.text());
                } finally {
                    handoff.handedOn();
                }
            } else if (session.isDone() && handoff.isEmpty()) {
                return;
            }
            long now = progress.get();
            if (now != seen) {
                seen = now;
                sink.alive();
            }
        }
    }
}
