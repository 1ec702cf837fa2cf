package org.scanstation.export;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.scanstation.image.ImageOps;
import org.scanstation.image.ScannedPage;
import org.scanstation.image.Transform;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfExportException;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pdf.WrittenPdf;

/**
 * The one builder of a document's searchable PDF/A-2b, for the export folder ({@code export}) and for
 * the encrypted store ({@code process} and the station alike): each page turned upright and
 * straightened by its recorded transforms, at its own resolution, bilevel pages kept bilevel (CCITT G4),
 * a page that cannot be decoded replaced by a page saying so, the invisible text layer OCR'd in the
 * shared background pool, the document's full metadata. The PDF goes to a file (written atomically) or
 * stays in memory (never on disk in plaintext). A page the analysis already made ready for its PDF
 * ({@link PdfPagePreparer}: turned once, read once, compressed on the analysis worker; ADR 0015) is taken as
 * it is; only the others are rendered, read and compressed here.
 *
 * <p>Two steps, so that a caller can keep the OCR pool busy across documents: {@link #prepare} renders
 * the pages and queues their OCR and compression (blocking only while the pool's queue is full);
 * {@link Prepared#write} or {@link Prepared#bytes} waits for them and assembles the PDF.
 */
public final class DocumentExporter {

    /** Resolution of the placeholder drawn for a page that cannot be decoded. */
    static final int PLACEHOLDER_DPI = 150;

    private final TextLayerOcr ocr;
    private final PdfaDocumentWriter writer;

    public DocumentExporter(TextLayerOcr ocr, PdfaDocumentWriter writer) {
        this.ocr = Objects.requireNonNull(ocr, "ocr");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** The writer that compresses and assembles the pages (for making pages ready ahead, {@link PdfPagePreparer}). */
    public PdfaDocumentWriter writer() {
        return writer;
    }

    /**
     * One page of a document, as scanned, with the clean-up to apply.
     *
     * @param name       the page's source name (e.g. {@code 0003.jpg}, {@code scan.pdf#2})
     * @param raw        the page as decoded (resolution and bilevel-ness included), or null when it cannot be
     * @param transforms turn upright, then straighten
     * @param problem    for a page that cannot be decoded, why (shown on its placeholder)
     * @param ready      the page already made ready for its PDF (image compressed, text layer read), or null
     */
    public record SourcePage(String name, ScannedPage raw, List<Transform> transforms, String problem,
                             EncodedPage ready) {

        public SourcePage {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
        }

        public SourcePage(String name, ScannedPage raw, List<Transform> transforms, String problem) {
            this(name, raw, transforms, problem, null);
        }

        /** A page the analysis made ready for its PDF: nothing is decoded, turned or read again. */
        public static SourcePage ready(String name, EncodedPage page) {
            return new SourcePage(name, null, List.of(), null, Objects.requireNonNull(page, "page"));
        }

        public static SourcePage decoded(String name, ScannedPage raw, List<Transform> transforms) {
            return new SourcePage(name, Objects.requireNonNull(raw, "raw"), transforms, null);
        }

        public static SourcePage undecodable(String name, String problem) {
            return new SourcePage(name, null, List.of(), problem == null || problem.isBlank() ? "unknown" : problem);
        }
    }

    /**
     * Renders the document's pages upright and queues each for OCR.
     *
     * @param pageDone hears each page's name once its OCR has finished (from a pool thread)
     */
    public Prepared prepare(List<SourcePage> pages, DocumentMetadata metadata, Consumer<String> pageDone)
            throws InterruptedException {
        Objects.requireNonNull(metadata, "metadata");
        Consumer<String> done = pageDone == null ? n -> { } : pageDone;
        List<PreparedPage> prepared = new ArrayList<>(pages.size());
        try {
            for (SourcePage p : pages) {
                String name = p.name();
                if (p.ready() != null) {
                    done.accept(name);
                    prepared.add(new PreparedPage(name, CompletableFuture.completedFuture(p.ready())));
                    continue;
                }
                BufferedImage img;
                int dpi;
                boolean bilevel;
                if (p.raw() == null) {
                    dpi = PLACEHOLDER_DPI;
                    img = UnreadablePagePlaceholder.render(p.name(), p.problem(), dpi);
                    bilevel = false;
                } else {
                    img = ImageOps.render(p.raw().image(), p.transforms());
                    dpi = p.raw().dpi();
                    bilevel = p.raw().bilevel();
                }
                BufferedImage image = img;
                int resolution = dpi;
                boolean bits = bilevel;
                CompletableFuture<EncodedPage> page = ocr.submit(image, p.raw() == null ? 0 : resolution)
                        .thenApply(text -> writer.encode(new PdfPage(image, resolution, bits, text)))
                        .whenComplete((t, error) -> done.accept(name));
                prepared.add(new PreparedPage(name, page));
            }
        } catch (InterruptedException | RuntimeException e) {
            prepared.forEach(p -> p.page().cancel(false));
            throw e;
        }
        return new Prepared(prepared, metadata);
    }

    private record PreparedPage(String name, CompletableFuture<EncodedPage> page) {
    }

    /** A document whose pages are ready or queued for OCR and compression, ready to be built. */
    public final class Prepared {
        private final List<PreparedPage> pages;
        private final DocumentMetadata metadata;

        private Prepared(List<PreparedPage> pages, DocumentMetadata metadata) {
            this.pages = pages;
            this.metadata = metadata;
        }

        /**
         * Waits for the pages' OCR and writes the PDF/A file at {@code target} (complete or not at all).
         *
         * @throws ExportException naming the page when its OCR failed, or saying why the file could not be written
         */
        public WrittenPdf write(Path target) throws ExportException, InterruptedException {
            List<EncodedPage> encoded = encodedPages();
            try {
                return writer.writeEncoded(encoded, metadata, target);
            } catch (PdfExportException e) {
                throw new ExportException(reason(e.reason()), e.getMessage(), e);
            }
        }

        /**
         * Waits for the pages' OCR and builds the PDF/A in memory: nothing is written to disk.
         *
         * @throws ExportException naming the page when its OCR failed, or saying why the PDF could not be built
         */
        public byte[] bytes() throws ExportException, InterruptedException {
            List<EncodedPage> encoded = encodedPages();
            try {
                return writer.writeEncodedBytes(encoded, metadata);
            } catch (PdfExportException e) {
                throw new ExportException(reason(e.reason()), e.getMessage(), e);
            }
        }

        private List<EncodedPage> encodedPages() throws ExportException, InterruptedException {
            List<EncodedPage> encoded = new ArrayList<>(pages.size());
            for (PreparedPage p : pages) {
                try {
                    encoded.add(p.page().get());
                } catch (ExecutionException e) {
                    cancel();
                    Throwable cause = e.getCause();
                    if (cause instanceof OcrException) {
                        throw new ExportException(ExportException.Reason.OCR_FAILED, "OCR failed on page " + p.name()
                                + " (" + cause.getMessage() + "); its document was not written", cause);
                    }
                    throw new ExportException(ExportException.Reason.FAILED, "page " + p.name() + " could not be made"
                            + " ready for its PDF (" + cause.getMessage() + "); its document was not written", cause);
                } catch (InterruptedException e) {
                    cancel();
                    throw e;
                }
            }
            return encoded;
        }

        /** Gives up on the pages' OCR (e.g. when an earlier document failed); queued pages are still recognised, then dropped. */
        public void cancel() {
            pages.forEach(p -> p.page().cancel(false));
        }
    }

    private static ExportException.Reason reason(PdfExportException.Reason r) {
        return switch (r) {
            case OUTPUT_NOT_WRITABLE -> ExportException.Reason.OUTPUT_NOT_WRITABLE;
            case DISK_FULL -> ExportException.Reason.DISK_FULL;
            case OCR_MISSING -> ExportException.Reason.OCR_FAILED;
            case TARGET_EXISTS -> ExportException.Reason.TARGET_EXISTS;
            case BAD_INPUT, IO_ERROR -> ExportException.Reason.FAILED;
        };
    }
}
