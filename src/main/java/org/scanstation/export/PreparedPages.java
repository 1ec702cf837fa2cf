package org.scanstation.export;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.scanstation.model.PageId;
import org.scanstation.pdf.EncodedPage;

/**
 * Pages of the batch being exported, ready for their PDF (image compressed, text layer read) as soon as they
 * were analysed, waiting for the rest of their document. Each is taken once, when its document is written; a
 * page holds a few hundred kilobytes here, never its decoded image. Thread-safe.
 */
final class PreparedPages {

    /** A page that could not be made ready, and why. */
    static final class PreparationFailed extends Exception {
        PreparationFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private record Outcome(EncodedPage page, Exception failure) {
    }

    private final Map<PageId, Outcome> pages = new ConcurrentHashMap<>();

    void put(PageId id, EncodedPage page) {
        pages.put(id, new Outcome(page, null));
    }

    void failed(PageId id, Exception why) {
        pages.put(id, new Outcome(null, why));
    }

    /**
     * Takes the page out: empty when none was prepared (a page the analysis could not decode or analyse).
     *
     * @throws PreparationFailed when the page was analysed but could not be made ready (its OCR failed)
     */
    Optional<EncodedPage> take(PageId id) throws PreparationFailed {
        Outcome o = pages.remove(id);
        if (o == null) {
            return Optional.empty();
        }
        if (o.failure() != null) {
            throw new PreparationFailed(o.failure());
        }
        return Optional.of(o.page());
    }

    /** Drops every page still waiting (the export ended). */
    void clear() {
        pages.clear();
    }

    int waiting() {
        return pages.size();
    }
}
