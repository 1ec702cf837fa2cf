package org.scanstation.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.scanstation.model.PageId;

/**
 * Turns input files into pages: JPEG, PNG, TIFF (multi-page, CCITT G4 bilevel) and PDF (every page).
 * Pages are handed to a {@link PageSink} one by one as they are decoded, so memory holds one page at
 * a time whatever the file's length. A file or page that cannot be decoded becomes one
 * {@link PageLoadResult.Unreadable} with a reason; content problems never throw. Thread-safe.
 */
public final class PageLoader {

    /** File name endings taken from a folder. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "pdf");

    /** Pages larger than this are refused before decoding (about A0 at 600 dpi). */
    public static final long MAX_PIXELS = 200_000_000L;

    private final RasterImageLoader images = new RasterImageLoader(MAX_PIXELS);
    private final PdfPageLoader pdfs = new PdfPageLoader(MAX_PIXELS);

    /**
     * The files to load, in batch order: files as given; a folder stands for every image or PDF file
     * directly in it, in name order.
     *
     * @throws InputException when a path does not exist or a folder cannot be listed
     */
    public static List<Path> expandInputs(List<Path> inputs) throws InputException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> inFolder = new ArrayList<>();
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(input)) {
                    for (Path p : dir) {
                        if (Files.isRegularFile(p) && EXTENSIONS.contains(extension(p))) {
                            inFolder.add(p);
                        }
                    }
                } catch (IOException e) {
                    throw new InputException("cannot list folder " + input + ": " + e.getMessage());
                }
                inFolder.sort(Comparator.comparing(p -> p.getFileName().toString()));
                files.addAll(inFolder);
            } else if (Files.isRegularFile(input)) {
                if (!Files.isReadable(input)) {
                    throw new InputException("input cannot be read: " + input);
                }
                files.add(input);
            } else if (Files.exists(input)) {
                throw new InputException("input is neither a file nor a folder: " + input);
            } else {
                throw new InputException("input not found: " + input);
            }
        }
        return files;
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
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
        switch (FileKind.sniff(head, n)) {
            case PDF -> pdfs.load(file, sink);
            case TIFF -> images.load(file, "tiff", sink);
            case JPEG -> images.load(file, "jpeg", sink);
            case PNG -> images.load(file, "png", sink);
            default -> sink.accept(new PageLoadResult.Unreadable(single,
                    "not a JPEG, PNG, TIFF or PDF file (unrecognised content)"));
        }
    }

    /** The formats recognised by their first bytes. */
    enum FileKind {
        JPEG, PNG, TIFF, PDF, UNKNOWN;

        static FileKind sniff(byte[] h, int n) {
            if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
                return JPEG;
            }
            if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
                return PNG;
            }
            if (n >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                    || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) {
                return TIFF;
            }
            // a PDF header may follow some junk within the first kilobyte
            for (int i = 0; i + 4 < n; i++) {
                if (h[i] == '%' && h[i + 1] == 'P' && h[i + 2] == 'D' && h[i + 3] == 'F' && h[i + 4] == '-') {
                    return PDF;
                }
            }
            return UNKNOWN;
        }
    }

    static boolean isBilevel(BufferedImage img) {
        return img.getColorModel().getPixelSize() == 1;
    }
}
