package org.scanstation.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.scanstation.image.Transform;
import org.scanstation.model.PageId;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.EncodedPage;

/**
 * Pages of a batch made ready for their PDF (image compressed, text layer read) as they were analysed,
 * waiting in memory for the rest of their document; never on disk, so pages of the encrypted store stay off
 * it in plaintext (ADR 0004). Each is taken once, when its document is built, and only for the clean-up it
 * was made with. A page holds a few hundred kilobytes here, never its decoded image; past {@code maxBytes}
 * a page is not kept, and its document decodes and reads it again as before (slower, never lost).
 * Thread-safe.
 */
public final class PreparedPages {


    private record Outcome(EncodedPage page, List<Transform> transforms, Exception failure) {
    }

    private final Map<PageId, Outcome> pages = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final long maxBytes;

    /** For {@code export}, whose pages wait only for the rest of their document: a quarter of the heap, 512 MB at most. */
    public PreparedPages() {
        this(shareOfHeap(4, 512L << 20));
    }

    /** {@code 1/divisor} of the JVM's maximum heap, {@code atMost} bytes at most. */
    public static long shareOfHeap(int divisor, long atMost) {
        return Math.min(atMost, Runtime.getRuntime().maxMemory() / divisor);
    }

    /** @param maxBytes compressed page bytes held at most; pages beyond are not kept */
    public PreparedPages(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Keeps {@code page}, made with {@code transforms}, unless the batch already holds {@code maxBytes}. */
    public void put(PageId id, List<Transform> transforms, EncodedPage page) {
        long size = page.imageBytes();
        if (bytes.addAndGet(size) > maxBytes) {
            bytes.addAndGet(-size);
            return;
        }
        Outcome old = pages.put(id, new Outcome(page, List.copyOf(transforms), null));
        if (old != null && old.page() != null) {
            bytes.addAndGet(-old.page().imageBytes());
        }
    }

    /** Records that the page was analysed but could not be made ready (its OCR failed, ...). */
    void failed(PageId id, Exception why) {
        Outcome old = pages.put(id, new Outcome(null, List.of(), why));
        if (old != null && old.page() != null) {
            bytes.addAndGet(-old.page().imageBytes());
        }
    }

    /**
     * Takes the page out: empty when none was kept, or when it was made with another clean-up than
     * {@code transforms} (a decision changed since: the page is built again from its source).
     *
     * @throws ExportException naming the page when it was analysed but could not be made ready
     */
    public Optional<EncodedPage> take(PageId id, List<Transform> transforms) throws ExportException {
        Outcome o = pages.remove(id);
        if (o == null) {
            return Optional.empty();
        }
        if (o.failure() != null) {
            Exception cause = o.failure();
            if (cause instanceof OcrException) {
                throw new ExportException(ExportException.Reason.OCR_FAILED, "OCR failed on page " + id.name()
                        + " (" + cause.getMessage() + "); its document was not written", cause);
            }
            throw new ExportException(ExportException.Reason.FAILED, "page " + id.name() + " could not be made ready"
                    + " for its PDF (" + cause.getMessage() + "); its document was not written", cause);
        }
        bytes.addAndGet(-o.page().imageBytes());
        return o.transforms().equals(List.copyOf(transforms)) ? Optional.of(o.page()) : Optional.empty();
    }

    /** Drops every page still waiting (the batch ended). */
    public void clear() {
        pages.clear();
        bytes.set(0);
    }

    /** Pages waiting. */
    public int waiting() {
        return pages.size();
    }
}
