package org.scanstation.pdf;

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
import java.util.function.Function;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.scanstation.ocr.OcrText;
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
        checkInput(pages, metadata, PdfPage::text);
        AtomicFileWriter.checkFolder(target);
        return save(encodeAll(pages, metadata), metadata, target);
    }

    /**
     * Writes pages whose images are already compressed as one PDF/A-2b file at {@code target}, as
     * {@link #write} does; the images go in as they are.
     *
     * @throws PdfExportException as {@link #write}
     */
    public WrittenPdf writeEncoded(List<EncodedPage> pages, DocumentMetadata metadata, Path target)
            throws PdfExportException {
        Objects.requireNonNull(target, "target");
        checkInput(pages, metadata, EncodedPage::text);
        AtomicFileWriter.checkFolder(target);
        return save(pages, metadata, target);
    }

    /**
     * Builds {@code pages} as one PDF/A-2b document entirely in memory and returns its bytes: nothing
     * is written to disk, not even scratch data (for callers that must keep patient data off the disk
     * unless encrypted, such as the batch store).
     *
     * @throws PdfExportException as {@link #write}
     */
    public byte[] writeBytes(List<PdfPage> pages, DocumentMetadata metadata) throws PdfExportException {
        checkInput(pages, metadata, PdfPage::text);
        return bytes(encodeAll(pages, metadata), metadata);
    }

    /**
     * As {@link #writeBytes} for pages whose images are already compressed.
     *
     * @throws PdfExportException as {@link #write}
     */
    public byte[] writeEncodedBytes(List<EncodedPage> pages, DocumentMetadata metadata) throws PdfExportException {
        checkInput(pages, metadata, EncodedPage::text);
        return bytes(pages, metadata);
    }

    /** Compresses one page's image as this writer would (for callers that encode pages as they come). */
    public EncodedPage encode(PdfPage page) {
        return encoder.encode(page);
    }

    /**
     * As {@link #encode(PdfPage)}, a grey or colour page at a JPEG quality no higher than {@code qualityCap}: a
     * scan that was itself a JPEG at a lower quality gains nothing from a higher one (the bytes would describe
     * its own compression artefacts).
     */
    public EncodedPage encode(PdfPage page, float qualityCap) {
        return encoder.encode(page, qualityCap);
    }

    private WrittenPdf save(List<EncodedPage> pages, DocumentMetadata metadata, Path target) throws PdfExportException {
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

    private byte[] bytes(List<EncodedPage> pages, DocumentMetadata metadata) throws PdfExportException {
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

    private <P> void checkInput(List<P> pages, DocumentMetadata metadata, Function<P, OcrText> text)
            throws PdfExportException {
        Objects.requireNonNull(metadata, "metadata");
        if (pages == null || pages.isEmpty()) {
            throw new PdfExportException(Reason.BAD_INPUT,
                    "Document \"" + metadata.title() + "\" has no pages; nothing was written.");
        }
        checkTextLayers(pages, metadata, text);
    }

    /** Compresses every page's image on the encoding executor. */
    private List<EncodedPage> encodeAll(List<PdfPage> pages, DocumentMetadata metadata) throws PdfExportException {
        List<CompletableFuture<EncodedPage>> futures = new ArrayList<>(pages.size());
        for (PdfPage page : pages) {
            futures.add(CompletableFuture.supplyAsync(() -> encoder.encode(page), encodingExecutor));
        }
        List<EncodedPage> encoded = new ArrayList<>(pages.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                encoded.add(futures.get(i).join());
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw failure(new IOException("page " + (i + 1) + " could not be compressed: " + cause.getMessage(), cause),
                        metadata);
            }
        }
        return encoded;
    }

    private PDDocument build(List<EncodedPage> pages, DocumentMetadata metadata, MemoryUsageSetting memory)
            throws IOException {
        PDDocument doc = new PDDocument(memory.streamCache);
        try {
            doc.setVersion(1.7f);
            PDType0Font font = loadFont(doc);
            InvisibleTextLayer textLayer = new InvisibleTextLayer(font);
            for (EncodedPage page : pages) {
                addPage(doc, page, textLayer);
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

    private <P> void checkTextLayers(List<P> pages, DocumentMetadata metadata, Function<P, OcrText> text)
            throws PdfExportException {
        if (!options.requireTextLayer()) {
            return;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            if (text.apply(pages.get(i)) == null) {
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

    private void addPage(PDDocument doc, EncodedPage page, InvisibleTextLayer textLayer) throws IOException {
        float width = page.widthPoints();
        float height = page.heightPoints();
        PDPage pdPage = new PDPage(new PDRectangle(width, height));
        doc.addPage(pdPage);
        PDImageXObject xobject = page.toImage(doc);
        try (PDPageContentStream cs = new PDPageContentStream(doc, pdPage)) {
            cs.drawImage(xobject, 0, 0, width, height);
            if (page.text() != null) {
                textLayer.draw(cs, page.text().words(), 72f / page.dpi(), height);
            }
        }
    }

    private static PDType0Font loadFont(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, PARSED_FONT.get(), true);
    }

    /**
     * The font parsed once per thread, not once per document (its tables, character map and glyph names cost more
     * than a small document's text): a document is built and saved (and its font subset) on one thread, and a
     * parsed font is not safe to share between threads, so each thread that writes PDFs keeps its own.
     */
    private static final ThreadLocal<TrueTypeFont> PARSED_FONT = ThreadLocal.withInitial(() -> {
        try {
            return new TTFParser().parse(new RandomAccessReadBuffer(FontData.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("the text layer font could not be read", e);
        }
    });

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
