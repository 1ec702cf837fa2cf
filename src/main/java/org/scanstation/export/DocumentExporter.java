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
import org.scanstation.ocr.OcrText;
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
 * stays in memory (never on disk in plaintext).
 *
 * <p>Two steps, so that a caller can keep the OCR pool busy across documents: {@link #prepare} renders
 * the pages and queues their OCR (blocking only while the pool's queue is full); {@link Prepared#write}
 * or {@link Prepared#bytes} waits for the OCR and builds the PDF.
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

    /**
     * One page of a document, as scanned, with the clean-up to apply.
     *
     * @param name       the page's source name (e.g. {@code 0003.jpg}, {@code scan.pdf#2})
     * @param raw        the page as decoded (resolution and bilevel-ness included), or null when it cannot be
     * @param transforms turn upright, then straighten
     * @param problem    for a page that cannot be decoded, why (shown on its placeholder)
     */
    public record SourcePage(String name, ScannedPage raw, List<Transform> transforms, String problem) {

        public SourcePage {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
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
                String name = p.name();
                CompletableFuture<OcrText> text = ocr.submit(img).whenComplete((t, error) -> done.accept(name));
                prepared.add(new PreparedPage(name, img, dpi, bilevel, text));
            }
        } catch (InterruptedException | RuntimeException e) {
            prepared.forEach(p -> p.text().cancel(false));
            throw e;
        }
        return new Prepared(prepared, metadata);
    }

    private record PreparedPage(String name, BufferedImage image, int dpi, boolean bilevel,
                                CompletableFuture<OcrText> text) {
    }

    /** A document whose pages are rendered and queued for OCR, ready to be built. */
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
            List<PdfPage> pdfPages = pdfPages();
            try {
                return writer.write(pdfPages, metadata, target);
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
            List<PdfPage> pdfPages = pdfPages();
            try {
                return writer.writeBytes(pdfPages, metadata);
            } catch (PdfExportException e) {
                throw new ExportException(reason(e.reason()), e.getMessage(), e);
            }
        }

        private List<PdfPage> pdfPages() throws ExportException, InterruptedException {
            List<PdfPage> pdfPages = new ArrayList<>(pages.size());
            for (PreparedPage p : pages) {
                OcrText text;
                try {
                    text = p.text().get();
                } catch (ExecutionException e) {
                    cancel();
                    Throwable cause = e.getCause();
                    throw new ExportException(ExportException.Reason.OCR_FAILED, "OCR failed on page " + p.name()
                            + " (" + cause.getMessage() + "); its document was not written", cause);
                } catch (InterruptedException e) {
                    cancel();
                    throw e;
                }
                pdfPages.add(new PdfPage(p.image(), p.dpi(), p.bilevel(), text));
            }
            return pdfPages;
        }

        /** Gives up on the pages' OCR (e.g. when an earlier document failed); queued pages are still recognised, then dropped. */
        public void cancel() {
            pages.forEach(p -> p.text().cancel(false));
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
