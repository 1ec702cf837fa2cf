package org.scanstation.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageReader;
import org.scanstation.model.PageId;

/**
 * A TIFF file, every page in its chain: the chain is walked first by {@link TiffPageChain} (loops, a
 * page cap, pages cut off by the file's end), then each page is decoded by the JDK's TIFF reader
 * (uncompressed, PackBits, LZW, Deflate, JPEG, CCITT G3 and G4), which is never asked to count the pages
 * itself (it would follow a looping chain forever).
 */
final class TiffPageFile implements PageFile {

    private final List<TiffPageChain.Entry> pages;
    private final DeadlineImageInputStream in;
    private final ImageReader reader;
    private final ImageIoPageDecoder decoder;

    private TiffPageFile(List<TiffPageChain.Entry> pages, DeadlineImageInputStream in, ImageReader reader) {
        this.pages = pages;
        this.in = in;
        this.reader = reader;
        this.decoder = new ImageIoPageDecoder(reader, "TIFF");
    }

    static TiffPageFile open(Path file, int maxPages, PageDeadline deadline) throws IOException {
        List<TiffPageChain.Entry> pages = TiffPageChain.walk(file, maxPages, deadline);
        ImageReader reader = ImageIoPageDecoder.readerFor("tiff");
        if (reader == null) {
            throw new UnreadableFileException("no TIFF decoder available");
        }
        DeadlineImageInputStream in = new DeadlineImageInputStream(file.toFile());
        reader.setInput(in, false, false);
        return new TiffPageFile(pages, in, reader);
    }

    @Override
    public int pageCount() {
        return pages.size();
    }

    @Override
    public PageLoadResult read(int index, PageId id, PageDeadline deadline) throws Exception {
        TiffPageChain.Entry entry = pages.get(index);
        if (entry instanceof TiffPageChain.Entry.Missing m) {
            return new PageLoadResult.Unreadable(id, m.reason());
        }
        if (entry instanceof TiffPageChain.Entry.Damaged d) {
            return new PageLoadResult.Unreadable(id, d.reason());
        }
        in.deadline(deadline);
        return decoder.decode(index, id);
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
