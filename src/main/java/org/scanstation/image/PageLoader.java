package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scanstation.model.PageId;

/**
 * Turns input files into pages: JPEG (grey, colour, CMYK, YCCK), PNG (any depth, palette, alpha),
 * TIFF (multi-page; uncompressed, LZW, Deflate, PackBits, JPEG, CCITT G3 and G4), PDF (every page; JBIG2
 * and JPEG 2000 images included), BMP, GIF, PNM and JPEG 2000 files. Pages are handed to a
 * {@link PageSink} one by one as they are decoded, so memory holds one page at a time whatever the
 * file's length.
 *
 * <p>Every page comes out as a page: one that cannot be decoded is a {@link PageLoadResult.Unreadable}
 * with the reason in words (a page cut off by the file's end, a page chain that loops, a page over the
 * page cap, a page over its time limit). Each step of reading runs within the page time limit of
 * {@link ReadLimits} ({@link PageTimer}). Content problems never throw. Thread-safe.
 */
public final class PageLoader {

    private final ReadLimits limits;

    public PageLoader() {
        this(ReadLimits.defaults());
    }

    public PageLoader(ReadLimits limits) {
        this.limits = limits;
        ImageIoPlugins.install();
    }

    public ReadLimits limits() {
        return limits;
    }

    /**
     * Decodes every page of {@code file} in order and hands each to {@code sink} as soon as it is
     * decoded. The format is recognised from the file's first bytes, not its name.
     *
     * @throws IOException          when the file cannot be opened at all (gone, no permission)
     * @throws InterruptedException when the sink asks to stop
     */
    public void load(Path file, PageSink sink) throws IOException, InterruptedException {
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        PageId single = PageId.single(file);
        if (n == 0) {
            sink.accept(new PageLoadResult.Unreadable(single, "empty file (0 bytes)"));
            return;
        }
        FileKind kind = FileKind.sniff(head, n);
        if (kind == FileKind.UNKNOWN) {
            sink.accept(new PageLoadResult.Unreadable(single, "not a " + FileKind.NAMES + " file (unrecognised content)"));
            return;
        }
        try (PageTimer timer = new PageTimer(limits.pageTimeLimit())) {
            new FileReading(file, kind, d -> open(file, kind, limits.maxPagesPerFile(), d), timer, sink).run();
        }
    }

    /**
     * Renders every page of a PDF held in memory (as a scanner sends it), as {@link #load} does a file; no
     * copy of it is written anywhere. Pages are named after {@code name}.
     */
    public void loadPdf(byte[] pdf, String name, PageSink sink) throws IOException, InterruptedException {
        try (PageTimer timer = new PageTimer(limits.pageTimeLimit())) {
            new FileReading(Path.of(name), FileKind.PDF, d -> PdfPageFile.open(pdf, limits.maxPagesPerFile(), d),
                    timer, sink).run();
        }
    }

    /** Opens a file of a known kind for reading page by page. */
    static PageFile open(Path file, FileKind kind, int maxPages, PageDeadline deadline) throws IOException {
        return switch (kind) {
            case PDF -> PdfPageFile.open(file, maxPages, deadline);
            case TIFF -> TiffPageFile.open(file, maxPages, deadline);
            case UNKNOWN -> throw new UnreadableFileException("unrecognised content");
            default -> RasterPageFile.open(file, kind.format, kind.label);
        };
    }

    static boolean isBilevel(BufferedImage img) {
        return img.getColorModel().getPixelSize() == 1;
    }
}
