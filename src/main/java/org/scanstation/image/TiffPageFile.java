package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageReader;
import org.scanstation.model.PageId;

/**
 * A TIFF file, every page in its chain: the chain is walked first by {@link TiffPageChain} (loops, a
 * page cap, pages cut off by the file's end), then each page is decoded by the JDK's TIFF reader
 * (uncompressed, PackBits, LZW, Deflate, JPEG, CCITT G3 and G4), which is never asked to count the pages
 * itself (it would follow a looping chain forever); 16-bit pages with a predictor, which it refuses, by
 * {@link TiffPredictorDecoder}.
 */
final class TiffPageFile implements PageFile {

    private final Path file;
    private final boolean little;
    private final List<TiffPageChain.Entry> pages;
    private final DeadlineImageInputStream in;
    private final ImageReader reader;
    private final ImageIoPageDecoder decoder;

    private TiffPageFile(Path file, boolean little, List<TiffPageChain.Entry> pages, DeadlineImageInputStream in,
                         ImageReader reader) {
        this.file = file;
        this.little = little;
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
        byte[] order = new byte[1];
        in.readFully(order);
        in.seek(0);
        reader.setInput(in, false, false);
        return new TiffPageFile(file, order[0] == 'I', pages, in, reader);
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
        TiffPageChain.Entry.Page page = (TiffPageChain.Entry.Page) entry;
        if (TiffPredictorDecoder.handles(page)) {
            BufferedImage img = TiffPredictorDecoder.decode(file, little, page, deadline);
            int factor = PixelBudget.reduction(page.tag(256, 1), page.tag(257, 1));
            return new PageLoadResult.Loaded(new ScannedPage(id, img, Math.max(1, dpi(page) / factor), false));
        }
        in.deadline(deadline);
        return decoder.decode(index, id);
    }

    /** The page's resolution from its XResolution and ResolutionUnit tags, or inferred from its sheet size. */
    private static int dpi(TiffPageChain.Entry.Page page) {
        long[] x = page.tags().get(282);
        int width = (int) page.tag(256, 1);
        int height = (int) page.tag(257, 1);
        if (x == null || x.length < 2 || x[1] == 0) {
            return ImageResolution.fromSheetSize(width, height);
        }
        double perUnit = x[0] / (double) x[1];
        double dpi = page.tag(296, 2) == 3 ? perUnit * 2.54 : perUnit;
        return dpi >= 50 && dpi <= 2400 ? (int) Math.round(dpi) : ImageResolution.fromSheetSize(width, height);
    }

    @Override
    public void close() throws IOException {
        reader.dispose();
        in.close();
    }
}
