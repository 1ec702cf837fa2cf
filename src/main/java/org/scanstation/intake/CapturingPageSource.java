package org.scanstation.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.scanstation.image.PageLoadResult;
import org.scanstation.image.PageLoader;
import org.scanstation.image.PageSink;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.pipeline.PageSource;

/**
 * Loads input files page by page for the analysis and keeps, for each page, the image to store:
 * the file's own bytes when the file is a single-page JPEG, PNG or TIFF, a lossless encoding of the
 * decoded page otherwise (see {@link StoredImageCodec}), the raw file bytes for a page that could
 * not be decoded (kept as evidence; it goes to review). Also records each page's resolution.
 */
final class CapturingPageSource implements PageSource {

    /** What is kept of one page until the batch is stored. */
    record Captured(StoredImage image, int dpi) {
    }

    private final List<Path> files;
    private final PageLoader loader = new PageLoader();
    private final Map<PageId, Captured> captured = new ConcurrentHashMap<>();

    CapturingPageSource(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public void pages(PageSink sink) throws IOException, InterruptedException {
        for (Path file : files) {
            try {
                loader.load(file, page -> {
                    captured.put(page.id(), capture(page));
                    sink.accept(page);
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** The stored image of a page seen by {@link #pages}; throws when the page was never loaded. */
    Captured get(PageId id) {
        Captured c = captured.get(id);
        if (c == null) {
            throw new IllegalStateException("page " + id.name() + " was analysed but never loaded");
        }
        return c;
    }

    private static Captured capture(PageLoadResult result) {
        try {
            if (result instanceof PageLoadResult.Loaded loaded) {
                ScannedPage page = loaded.page();
                if (!page.id().multiPage()) {
                    byte[] original = Files.readAllBytes(page.id().file());
                    String type = StoredImageCodec.rasterMediaType(original);
                    if (type != null) {
                        return new Captured(new StoredImage(original, type), page.dpi());
                    }
                }
                return new Captured(StoredImageCodec.encode(page), page.dpi());
            }
            Path file = result.id().file();
            byte[] raw = Files.isReadable(file) && !result.id().multiPage() ? Files.readAllBytes(file) : new byte[0];
            return new Captured(new StoredImage(raw, StoredImage.UNDECODABLE), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + result.id().name() + ": " + e.getMessage(), e);
        }
    }
}
