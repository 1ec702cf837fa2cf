package org.scanstation.image;

import java.io.Closeable;
import org.scanstation.model.PageId;

/**
 * An input file opened for reading page by page. Which pages it has is known when it is open (a damaged
 * or missing page among them, with its reason); each page is then decoded on its own, within its
 * {@link PageDeadline}. Not thread-safe: one page at a time.
 */
interface PageFile extends Closeable {

    /** Pages in the file, including the ones known to be damaged or missing (never 0). */
    int pageCount();

    /**
     * Decodes one page. A page that cannot be decoded is {@link PageLoadResult.Unreadable} with a reason;
     * exceptions are for the caller to turn into one (and {@link PageDeadline.PageTimeLimitException}).
     */
    PageLoadResult read(int index, PageId id, PageDeadline deadline) throws Exception;
}
