package org.scanstation.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.scanstation.pdf.PageImageEncoder.EncodedImage;
import org.scanstation.pdf.PdfExportException.Reason;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Writes searchable PDF/A-2b documents from scanned pages: each page is its image (CCITT G4 for bilevel
 * scans, JPEG for grey and colour) at the size its resolution gives, with the OCR words laid over it as
 * invisible text, plus XMP/Info metadata and an sRGB output intent. The file appears under its final
 * name only once complete ({@link #write} writes to a temporary name and renames).
 *
 * <p>Thread-safe: one writer can write several documents at once. Page images are compressed on the
 * executor given to the constructor (the calling thread by default).
 */
public final class PdfaDocumentWriter {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    static final String FONT_RESOURCE = "fonts/DejaVuSansMono.ttf";
    private static final long MAX_MEMORY_PER_DOCUMENT = 64L << 20;

    private final PdfWriterOptions options;
    private final PageImageEncoder encoder;
    private final Executor encodingExecutor;
    private final Clock clock;

    /** Default options, images compressed on the calling thread. */
    public PdfaDocumentWriter() {
        this(PdfWriterOptions.defaults());
    }

    public PdfaDocumentWriter(PdfWriterOptions options) {
        this(options, Runnable::run, Clock.systemDefaultZone());
    }

    /**
     * @param encodingExecutor where page images are compressed (e.g. a pool the size of the machine's cores)
     * @param clock            gives the documents' creation date
     */
    public PdfaDocumentWriter(PdfWriterOptions options, Executor encodingExecutor, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.encoder = new PageImageEncoder(options.jpegQuality());
        this.encodingExecutor = Objects.requireNonNull(encodingExecutor, "encodingExecutor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PdfWriterOptions options() {
        return options;
    }

    /**
     * Writes {@code pages} as one PDF/A-2b file at {@code target}, replacing any file of that name.
     *
     * @throws PdfExportException with a plain message when the input is unusable, a page lacks OCR text
     *                            (and the options require it), the folder cannot be written or the disk is
     *                            full; no file is then left under {@code target}'s name (a previous file
     *                            of that name is left as it was)
     */
    public WrittenPdf write(List<PdfPage> pages, DocumentMetadata metadata, Path target) throws PdfExportException {
        Objects.requireNonNull(target, "target");
        checkInput(pages, metadata);
        AtomicFileWriter.checkFolder(target);
        // scratch data beyond the memory budget goes beside the result (owner-only), never to java.io.tmpdir
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(MAX_MEMORY_PER_DOCUMENT)
                .setTempDir(target.toAbsolutePath().getParent().toFile());
        try (PDDocument doc = build(pages, metadata, memory)) {
            AtomicFileWriter.Written written = AtomicFileWriter.write(target, doc::save);
            return new WrittenPdf(target, pages.size(), written.bytes(), written.sha256());
        } catch (IOException | RuntimeException e) {
            throw failure(e, metadata);
        }
    }

    /**
     * Builds {@code pages} as one PDF/A-2b document entirely in memory and returns its bytes: nothing
     * is written to disk, not even scratch data (for callers that must keep patient data off the disk
     * unless encrypted, such as the batch store).
     *
     * @throws PdfExportException as {@link #write}
     */
    public byte[] writeBytes(List<PdfPage> pages, DocumentMetadata metadata) throws PdfExportException {
        checkInput(pages, metadata);
        try (PDDocument doc = build(pages, metadata, MemoryUsageSetting.setupMainMemoryOnly());
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw failure(e, metadata);
        } catch (OutOfMemoryError e) {
            throw new PdfExportException(Reason.IO_ERROR,
                    "Could not build the PDF for \"" + metadata.title() + "\": not enough memory", null);
        }
    }

    private void checkInput(List<PdfPage> pages, DocumentMetadata metadata) throws PdfExportException {
        Objects.requireNonNull(metadata, "metadata");
        if (pages == null || pages.isEmpty()) {
            throw new PdfExportException(Reason.BAD_INPUT,
                    "Document \"" + metadata.title() + "\" has no pages; nothing was written.");
        }
        checkTextLayers(pages, metadata);
    }

    private PDDocument build(List<PdfPage> pages, DocumentMetadata metadata, MemoryUsageSetting memory)
            throws IOException {
        List<CompletableFuture<EncodedImage>> images = new ArrayList<>(pages.size());
        for (PdfPage page : pages) {
            images.add(CompletableFuture.supplyAsync(() -> encoder.encode(page), encodingExecutor));
        }
        PDDocument doc = new PDDocument(memory.streamCache);
        try {
            doc.setVersion(1.7f);
            PDType0Font font = loadFont(doc);
            InvisibleTextLayer textLayer = new InvisibleTextLayer(font);
            for (int i = 0; i < pages.size(); i++) {
                addPage(doc, pages.get(i), encoded(images.get(i), i + 1), textLayer);
            }
            PdfaMetadata.apply(doc, metadata, pages.size(), ZonedDateTime.now(clock));
            return doc;
        } catch (IOException | RuntimeException e) {
            doc.close();
            throw e;
        }
    }

    private static PdfExportException failure(Exception e, DocumentMetadata metadata) {
        if (AtomicFileWriter.isDiskFull(e)) {
            return new PdfExportException(Reason.DISK_FULL, "The disk is full while building \"" + metadata.title()
                    + "\"; free some space and export again.", e);
        }
        return new PdfExportException(Reason.IO_ERROR,
                "Could not build the PDF for \"" + metadata.title() + "\": " + e.getMessage(), e);
    }

    private void checkTextLayers(List<PdfPage> pages, DocumentMetadata metadata) throws PdfExportException {
        if (!options.requireTextLayer()) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).text() == null) {
                missing.add(i + 1);
            }
        }
        if (!missing.isEmpty()) {
            throw new PdfExportException(Reason.OCR_MISSING, "Document \"" + metadata.title() + "\": "
                    + (missing.size() == 1 ? "page " + missing.get(0) + " has" : "pages " + missing + " have")
                    + " no OCR text (OCR failed or did not run), so the PDF would not be searchable; "
                    + "nothing was written.");
        }
    }

    private static EncodedImage encoded(CompletableFuture<EncodedImage> future, int pageNumber) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("page " + pageNumber + " could not be compressed: " + cause.getMessage(), cause);
        }
    }

    private void addPage(PDDocument doc, PdfPage page, EncodedImage image, InvisibleTextLayer textLayer)
            throws IOException {
        float width = page.widthPoints();
        float height = page.heightPoints();
        PDPage pdPage = new PDPage(new PDRectangle(width, height));
        doc.addPage(pdPage);
        PDImageXObject xobject = image.isBilevel()
                ? CCITTFactory.createFromImage(doc, image.bilevel())
                : JPEGFactory.createFromByteArray(doc, image.jpeg());
        try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
            cs.drawImage(xobject, 0, 0, width, height);
            if (page.text() != null) {
                textLayer.draw(cs, page.text().words(), 72f / page.dpi(), height);
            }
        }
    }

    private static PDType0Font loadFont(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, new ByteArrayInputStream(FontData.BYTES), true);
    }

    /** The embedded text-layer font (DejaVu Sans Mono, Bitstream Vera licence: free to redistribute). */
    private static final class FontData {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = PdfaDocumentWriter.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("text layer font missing from the application: " + FONT_RESOURCE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
