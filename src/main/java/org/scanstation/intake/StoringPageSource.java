package org.scanstation.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.PageSink;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.pipeline.PageSource;
import org.scanstation.store.StoredBatch;

/**
 * Loads input files page by page for the analysis and stores each page into the batch as soon as it
 * is decoded, before the analysis sees it: memory holds only the pages being analysed, however long
 * the batch. What is stored: the file's own bytes when the file is a single-page JPEG, PNG or TIFF; a
 * lossless encoding of the decoded page otherwise (see {@link StoredImageCodec}); the raw file bytes
 * for a page that could not be decoded (kept as evidence; it goes to review). Each with its resolution.
 */
final class StoringPageSource implements PageSource {

    private final List<Path> files;
    private final StoredBatch batch;
    private final PageLoader loader;
    private final Map<PageId, Integer> stored = new HashMap<>();
    private int unreadable;

    /** @param loader reads the files with the analysis' read limits (page time limit, page cap) */
    StoringPageSource(List<Path> files, StoredBatch batch, PageLoader loader) {
        this.files = List.copyOf(files);
        this.loader = loader;
        this.batch = batch;
    }

    @Override
    public void pages(PageSink sink) throws IOException, InterruptedException {
        for (Path file : files) {
            try {
                loader.load(file, page -> {
                    store(page);
                    sink.accept(page);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** The stored index of a page seen by {@link #pages}; throws when the page was never loaded. */
    synchronized int indexOf(PageId id) {
        Integer index = stored.get(id);
        if (index == null) {
            throw new IllegalStateException("page " + id.name() + " was analysed but never stored");
        }
        return index;
    }

    /** The page stored as {@code index} by {@link #pages}, or null. */
    synchronized PageId idAt(int index) {
        for (Map.Entry<PageId, Integer> e : stored.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey();
            }
        }
        return null;
    }

    /** Pages that could not be decoded (stored as they were, sent to review). */
    synchronized int unreadable() {
        return unreadable;
    }

    private synchronized void store(PageLoadResult result) {
        try {
            int index;
            if (result instanceof PageLoadResult.Loaded loaded) {
                ScannedPage page = loaded.page();
                byte[] original = page.id().multiPage() ? null : Files.readAllBytes(page.id().file());
                String type = original == null ? null : StoredImageCodec.rasterMediaType(original);
                if (type != null) {
                    index = batch.addPage(original, type, page.id().name(), page.dpi());
                } else {
                    index = StoredPages.store(batch, page, page.id().name());
                }
            } else {
                Path file = result.id().file();
                byte[] raw = Files.isReadable(file) && !result.id().multiPage() ? Files.readAllBytes(file) : new byte[0];
                index = batch.addPage(raw, StoredImage.UNDECODABLE, result.id().name(), 0);
                unreadable++;
            }
            stored.put(result.id(), index);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + result.id().name() + ": " + e.getMessage(), e);
        }
    }
}
