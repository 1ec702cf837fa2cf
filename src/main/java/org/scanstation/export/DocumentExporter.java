package org.scanstation.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.scanstation.image.ImageOps;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.EncodedPage;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfExportException;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pdf.WrittenPdf;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Turns one document of an analysed batch into a searchable PDF/A-2b, then writes it atomically. Pages the
 * analysis already made ready ({@link PdfPagePreparer}: image compressed, text layer read) are taken as they
 * are. Any other page (one the analysis could not decode, or every page when there is no such preparation) is
 * decoded again from its source, turned upright and straightened by its recorded transforms, read for the
 * invisible text layer and compressed in the background OCR pool.
 *
 * <p>Two steps, so that a caller can keep the OCR pool busy across documents: {@link #prepare} gathers the
 * pages and queues what is left to do (blocking only while the pool's queue is full); {@link Prepared#write}
 * waits for it and writes the file.
 */
public final class DocumentExporter {

    private final PageImageSource images;
    private final TextLayerOcr ocr;
    private final PdfaDocumentWriter writer;
    private final PreparedPages prepared;

    public DocumentExporter(PageImageSource images, TextLayerOcr ocr, PdfaDocumentWriter writer) {
        this(images, ocr, writer, new PreparedPages());
    }

    /** @param prepared pages made ready as they were analysed, taken from here first */
    DocumentExporter(PageImageSource images, TextLayerOcr ocr, PdfaDocumentWriter writer, PreparedPages prepared) {
        this.images = images;
        this.ocr = ocr;
        this.writer = writer;
        this.prepared = prepared;
    }

    /** Prepares and writes one document. */
    public WrittenPdf export(BatchDocument doc, BatchInfo info, Path target) throws ExportException, InterruptedException {
        return prepare(doc, page -> { }).write(info, target);
    }

    /**
     * Gathers the document's pages: those made ready as they were analysed as they are; the others decoded,
     * rendered upright and queued for OCR.
     *
     * @param pageDone hears each page's name once its text layer is done (from a pool thread for queued pages)
     * @throws ExportException when a page can no longer be read from its file
     */
    public Prepared prepare(BatchDocument doc, Consumer<String> pageDone) throws ExportException, InterruptedException {
        Map<PageId, CompletableFuture<EncodedPage>> ready = new HashMap<>();
        for (PageAnalysis p : doc.pages()) {
            try {
                prepared.take(p.id()).ifPresent(page -> ready.put(p.id(), CompletableFuture.completedFuture(page)));
            } catch (PreparedPages.PreparationFailed e) {
                ready.put(p.id(), CompletableFuture.failedFuture(e.getCause()));
            }
        }
        List<PageId> toDecode = doc.pages().stream().filter(p -> !ready.containsKey(p.id()) && !unreadable(p))
                .map(PageAnalysis::id).toList();
        Map<PageId, ScannedPage> raw;
        try {
            raw = toDecode.isEmpty() ? Map.of() : new HashMap<>(images.load(toDecode));
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.INPUT_CHANGED,
                    "a page of document " + (doc.index() + 1) + " can no longer be read: " + e.getMessage(), e);
        }
        List<PreparedPage> pages = new ArrayList<>();
        for (PageAnalysis p : doc.pages()) {
            String name = p.id().name();
            CompletableFuture<EncodedPage> page = ready.get(p.id());
            if (page != null) {
                pageDone.accept(name);
            } else {
                page = queue(p, raw.remove(p.id())).whenComplete((done, error) -> pageDone.accept(name));
            }
            pages.add(new PreparedPage(name, page));
        }
        return new Prepared(doc, pages);
    }

    /** Renders a page upright (or a placeholder saying it cannot be read) and queues its OCR and compression. */
    private CompletableFuture<EncodedPage> queue(PageAnalysis p, ScannedPage decoded) throws InterruptedException {
        BufferedImage img;
        int dpi;
        boolean bilevel;
        ScannedPage retried = unreadable(p) ? retry(p.id()) : null;
        if (retried != null) {
            img = retried.image();
            dpi = retried.dpi();
            bilevel = retried.bilevel();
        } else if (unreadable(p)) {
            dpi = 150;
            img = UnreadablePagePlaceholder.render(p.id().name(), p.reasons().isEmpty() ? "unknown" : p.reasons().get(0), dpi);
            bilevel = false;
        } else {
            img = ImageOps.render(decoded.image(), p.transforms());
            dpi = decoded.dpi();
            bilevel = decoded.bilevel();
        }
        float qualityCap = retried != null || decoded != null ? SourceJpegQuality.of(p.id()) : 1f;
        return ocr.submit(img, dpi).thenApply(text -> writer.encode(new PdfPage(img, dpi, bilevel, text), qualityCap));
    }

    /** A page that could not be decoded or analysed before: decoded again, or null when it still cannot be. */
    private ScannedPage retry(PageId id) throws InterruptedException {
        try {
            return images.load(List.of(id)).get(id);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private record PreparedPage(String name, CompletableFuture<EncodedPage> page) {
    }

    /** A document whose pages are ready or queued, ready to be written. */
    public final class Prepared {
        private final BatchDocument doc;
        private final List<PreparedPage> pages;

        private Prepared(BatchDocument doc, List<PreparedPage> pages) {
            this.doc = doc;
            this.pages = pages;
        }

        public BatchDocument document() {
            return doc;
        }

        /**
         * Waits for the pages' OCR and writes the PDF/A file at {@code target} (complete or not at all).
         *
         * @throws ExportException naming the page when its OCR failed, or saying why the file could not be written
         */
        public WrittenPdf write(BatchInfo info, Path target) throws ExportException, InterruptedException {
            List<EncodedPage> encoded = new ArrayList<>();
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
                    throw new ExportException(ExportException.Reason.FAILED, "page " + p.name()
                            + " could not be made ready for its PDF (" + cause.getMessage() + "); its document was not written",
                            cause);
                }
            }
            try {
                return writer.writeEncoded(encoded, metadata(doc, info), target);
            } catch (PdfExportException e) {
                throw new ExportException(reason(e.reason()), e.getMessage(), e);
            }
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
            case BAD_INPUT, IO_ERROR -> ExportException.Reason.FAILED;
        };
    }

    /** A page that could not be decoded at analysis: it is shown as a placeholder saying so. */
    private static boolean unreadable(PageAnalysis p) {
        return p.status() == PageStatus.REVIEW && p.transforms().isEmpty() && p.barcodes().isEmpty()
                && p.labels().isEmpty() && p.reasons().stream().anyMatch(r -> r.contains("a person must check this page"));
    }

    static DocumentMetadata metadata(BatchDocument doc, BatchInfo info) {
        String title = "Scanned clinical document " + (doc.index() + 1) + " of batch " + info.batchId();
        return new DocumentMetadata(title,
                doc.patient() == null ? null : doc.patient().nhsNumber().digits(),
                doc.patient() == null ? null : doc.patient().mrn(),
                doc.patient() == null ? null : doc.patient().displayName(),
                info.batchId(), info.scanDate(), info.stationId(), info.operator(), doc.index(),
                doc.pages().stream().map(p -> p.id().name()).toList());
    }
}
