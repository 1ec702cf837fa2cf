package org.scanstation.scan.driver.folder;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.scanstation.scan.ColorMode;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Minimal decoding of page files for the file-based drivers (folder, hot folder, demo): JPEG, PNG,
 * TIFF (every page, including CCITT G4) with the JDK's ImageIO, and PDF (every page, rendered at the
 * scan resolution) with PDFBox. The pipeline's own loader does the thorough work; this only turns a
 * file into page images or says, readably, why it cannot.
 */
public final class ImageFiles {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** File name endings that are page files. */
    public static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".tif", ".tiff", ".pdf");
    /** Refuse images whose header claims more pixels than this (a 600 dpi A3 page is ~70 Mpx). */
    private static final long MAX_PIXELS = 150_000_000L;
    private static final int DEFAULT_DPI = 300;

    private ImageFiles() {
    }

    /** Receives the pages of a file in order. */
    @FunctionalInterface
    public interface PageConsumer {
        /** @param source the file name, with {@code #N} for a page of a multi-page file */
        void page(BufferedImage image, int dpi, String source) throws InterruptedException;
    }

    /** A file that cannot be read as pages; the message is for the clerk. */
    public static final class UnreadableFileException extends Exception {
        public UnreadableFileException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static boolean isPageFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Decodes every page of {@code file}. PDF pages are rendered at {@code pdfDpi} in {@code pdfMode}.
     * Pages are handed over one at a time, so a long file is never held in memory as a whole.
     */
    public static void readPages(Path file, int pdfDpi, ColorMode pdfMode, PageConsumer pages)
            throws UnreadableFileException, InterruptedException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".pdf") || startsWithPdfMagic(file)) {
            readPdf(file, pdfDpi, pdfMode, pages);
        } else {
            readImages(file, pages);
        }
    }

    private static boolean startsWithPdfMagic(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(5);
            return new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    private static void readImages(Path file, PageConsumer pages) throws UnreadableFileException, InterruptedException {
        String name = file.getFileName().toString();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadableFileException(name + " cannot be opened", null);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableFileException(name
                        + " cannot be decoded: it is not a JPEG, PNG, TIFF or PDF image, or it is damaged", null);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                int count = reader.getNumImages(true);
                if (count < 1) {
                    throw new UnreadableFileException(name + " contains no image", null);
                }
                for (int i = 0; i < count; i++) {
                    long pixels = (long) reader.getWidth(i) * reader.getHeight(i);
                    if (pixels > MAX_PIXELS || pixels <= 0) {
                        throw new UnreadableFileException(name + " claims an absurd image size ("
                                + reader.getWidth(i) + " x " + reader.getHeight(i) + " pixels)", null);
                    }
                    BufferedImage image = reader.read(i);
                    int dpi = dpiOf(reader.getImageMetadata(i));
                    pages.page(PageImages.normalise(image), dpi, count == 1 ? name : name + "#" + (i + 1));
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(name + " cannot be decoded (damaged or incomplete file): "
                    + describe(e), e);
        }
    }

    private static void readPdf(Path file, int dpi, ColorMode mode, PageConsumer pages)
            throws UnreadableFileException, InterruptedException {
        String name = file.getFileName().toString();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            renderPdf(doc, name, dpi, mode, pages);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(name + " cannot be read as a PDF (damaged or incomplete file): "
                    + describe(e), e);
        }
    }

    /**
     * Decodes every page of a PDF held in memory (as a network scanner sends it), rendered at
     * {@code dpi} in {@code mode}; nothing is written to disk.
     *
     * @param name what to call the document in messages and page sources
     */
    public static void readPdf(byte[] pdf, String name, int dpi, ColorMode mode, PageConsumer pages)
            throws UnreadableFileException, InterruptedException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            renderPdf(doc, name, dpi, mode, pages);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableFileException(name + " cannot be read as a PDF (damaged or incomplete file): "
                    + describe(e), e);
        }
    }

    private static void renderPdf(PDDocument doc, String name, int dpi, ColorMode mode, PageConsumer pages)
            throws UnreadableFileException, InterruptedException, IOException {
        int count = doc.getNumberOfPages();
        if (count < 1) {
            throw new UnreadableFileException(name + " is a PDF with no pages", null);
        }
        PDFRenderer renderer = new PDFRenderer(doc);
        ImageType type = switch (mode) {
            case COLOR -> ImageType.RGB;
            case GRAY -> ImageType.GRAY;
            case LINEART -> ImageType.BINARY;
        };
        for (int i = 0; i < count; i++) {
            BufferedImage image = renderer.renderImageWithDPI(i, dpi, type);
            pages.page(PageImages.normalise(image), dpi, count == 1 ? name : name + "#" + (i + 1));
        }
    }

    /** The resolution recorded in the file (JFIF density, PNG pHYs, TIFF resolution), or 300. */
    static int dpiOf(IIOMetadata meta) {
        if (meta == null || !meta.isStandardMetadataFormatSupported()) {
            return DEFAULT_DPI;
        }
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree("javax_imageio_1.0");
        var nodes = root.getElementsByTagName("HorizontalPixelSize");
        if (nodes.getLength() == 0) {
            return DEFAULT_DPI;
        }
        try {
            double mmPerPixel = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
            int dpi = (int) Math.round(25.4 / mmPerPixel);
            return dpi >= 50 && dpi <= 2400 ? dpi : DEFAULT_DPI;
        } catch (NumberFormatException e) {
            return DEFAULT_DPI;
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
