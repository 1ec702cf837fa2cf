package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;

/**
 * Scans with a negotiated source: enables it (state 5), waits for {@code MSG_XFERREADY}, then runs the
 * pending-transfers loop: page information, transfer, {@code MSG_ENDXFER}, until the source has no
 * more ({@code Count} 0; {@code 0xFFFF} means more, number unknown). A cancel is honoured between
 * pages: the pages the source still holds are dropped ({@code MSG_RESET}); every page received is
 * handed on first. The caller's {@link TwainSession#close()} brings the session back from any state.
 */
final class Acquisition {

    private static final Logger LOG = Logger.getLogger(Acquisition.class.getName());

    /** Where pages go, in order. */
    interface PageOut {
        void page(BufferedImage image, int dpi) throws InterruptedException;
    }

    private final TwainSession session;
    private final ScanSetup.Agreed agreed;
    private final BooleanSupplier cancelled;
    private final Runnable alive;

    Acquisition(TwainSession session, ScanSetup.Agreed agreed, BooleanSupplier cancelled, Runnable alive) {
        this.session = session;
        this.agreed = agreed;
        this.cancelled = cancelled;
        this.alive = alive;
    }

    /** Scans until the source is empty or the scan is cancelled; returns the number of pages handed on. */
    int run(PageOut out) throws InterruptedException {
        session.enable();
        Optional<TwainSession.SourceEvent> first = session.awaitEvent(cancelled);
        if (first.isEmpty()) {
            LOG.fine("TWAIN scan cancelled before the first page");
            return 0;
        }
        if (first.get() == TwainSession.SourceEvent.CLOSE_REQUESTED) {
            // a source that gives up before the first page (no paper, a jam) says why in its status
            int cc = session.sourceStatus();
            if (cc != ConditionCodes.TWCC_SUCCESS) {
                throw ConditionCodes.exception("starting the scan", cc);
            }
            LOG.fine("TWAIN source asked to be closed before the first page");
            return 0;
        }
        PageTransfer transfer = new PageTransfer(session, alive);
        int pages = 0;
        while (true) {
            if (cancelled.getAsBoolean()) {
                session.resetTransfers();
                return pages;
            }
            ImageInfo info = session.imageInfo();
            int number = pages + 1;
            BufferedImage image;
            try {
                image = transfer.transfer(agreed.transfer(), info, agreed, number);
            } catch (ScanException e) {
                if (e.error() == ScanError.NO_DOCUMENTS && pages > 0) {
                    return pages; // the feeder ran out: the batch is complete
                }
                throw e;
            }
            int pending;
            try {
                pending = session.endTransfer();
            } finally {
                if (image != null) {
                    out.page(image, info.dpi() > 0 ? info.dpi() : agreed.dpi());
                    pages++;
                }
            }
            alive.run();
            if (pending == 0) {
                return pages;
            }
            if (session.closeRequested()) {
                session.resetTransfers();
                return pages;
            }
        }
    }
}
