package org.scanstation.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.store.StoredBatch;
import org.scanstation.store.StoredPage;

/**
 * Stores captured pages into a batch and reads them back as the pipeline's pages, all in memory: the
 * encoded image (see {@link StoredImageCodec}) with the resolution it was scanned at.
 */
public final class StoredPages {

    /** The resolution assumed for a page stored without one. */
    static final int DEFAULT_DPI = 300;

    private StoredPages() {
    }

    /** Stores a decoded page (losslessly encoded) under {@code source}; returns its index in the batch. */
    public static int store(StoredBatch batch, ScannedPage page, String source) throws IOException {
        StoredImage image = StoredImageCodec.encode(page);
        return batch.addPage(image.bytes(), image.mediaType(), source, page.dpi());
    }

    /**
     * The stored page decoded, identified by {@code id}.
     *
     * @throws IOException when the stored image cannot be decoded (e.g. a file that was undecodable when scanned)
     */
    public static ScannedPage read(StoredBatch batch, StoredPage page, PageId id) throws IOException {
        return decode(batch.readPage(page.index()), page, id);
    }

    /**
     * A stored page's bytes (as {@link StoredBatch#readPage} gives them) decoded.
     *
     * @throws UndecodablePageException when the image cannot be decoded
     */
    public static ScannedPage decode(byte[] bytes, StoredPage page, PageId id) throws UndecodablePageException {
        if (StoredImage.UNDECODABLE.equals(page.mediaType())) {
            throw new UndecodablePageException("the scanned file of page " + page.sourceName() + " could not be decoded");
        }
        BufferedImage image;
        try {
            image = StoredImageCodec.decode(bytes, page.mediaType());
        } catch (IOException e) {
            throw new UndecodablePageException(e.getMessage());
        }
        int dpi = page.dpi() > 0 ? page.dpi() : DEFAULT_DPI;
        return new ScannedPage(id, image, dpi, image.getColorModel().getPixelSize() == 1);
    }

    /** A stored page image that cannot be decoded (the store itself is fine). */
    public static final class UndecodablePageException extends IOException {
        public UndecodablePageException(String message) {
            super(message);
        }
    }

    /** An id naming a stored page by its source name (for the pipeline and the PDF's source pages). */
    public static PageId idOf(StoredPage page) {
        return PageId.single(Path.of(page.sourceName()));
    }
}
