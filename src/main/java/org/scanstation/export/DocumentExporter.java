package org.scanstation.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.scanstation.image.ImageOps;
import org.scanstation.image.ScannedPage;
import org.scanstation.model.PageId;
import org.scanstation.model.PageStatus;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfExportException;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pdf.WrittenPdf;
import org.scanstation.pipeline.PageAnalysis;

/**
 * Turns one document of an analysed batch into a searchable PDF/A-2b: each page decoded again from
 * its source, turned upright and straightened by its recorded transforms, OCR'd in the background
 * pool for the invisible text layer, then written atomically.
 *
 * <p>Two steps, so that a caller can keep the OCR pool busy across documents: {@link #prepare} decodes
 * the pages and queues their OCR (blocking only while the pool's queue is full); {@link Prepared#write}
 * waits for the OCR and writes the file.
 */
public final class DocumentExporter {

    private final PageImageSource images;
    private final TextLayerOcr ocr;
    private final PdfaDocumentWriter writer;

    public DocumentExporter(PageImageSource images, TextLayerOcr ocr, PdfaDocumentWriter writer) {
        this.images = images;
        this.ocr = ocr;
        this.writer = writer;
    }

    /** Prepares and writes one document. */
    public WrittenPdf export(BatchDocument doc, BatchInfo info, Path target) throws ExportException, InterruptedException {
        return prepare(doc, page -> { }).write(info, target);
    }

    /**
     * Decodes and renders the document's pages upright and queues each for OCR.
     *
     * @param pageDone hears each page's name once its OCR has finished (from a pool thread)
     * @throws ExportException when a page can no longer be read from its file
     */
    public Prepared prepare(BatchDocument doc, Consumer<String> pageDone) throws ExportException, InterruptedException {
        List<PageId> readable = doc.pages().stream().filter(p -> !unreadable(p)).map(PageAnalysis::id).toList();
        Map<PageId, ScannedPage> raw;
        try {
            raw = images.load(readable);
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.INPUT_CHANGED,
                    "a page of document " + (doc.index() + 1) + " can no longer be read: " + e.getMessage(), e);
        }
        List<PreparedPage> pages = new ArrayList<>();
        for (PageAnalysis p : doc.pages()) {
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
                ScannedPage page = raw.remove(p.id());
                img = ImageOps.render(page.image(), p.transforms());
                dpi = page.dpi();
                bilevel = page.bilevel();
            }
            String name = p.id().name();
            CompletableFuture<OcrText> text = ocr.submit(img).whenComplete((t, error) -> pageDone.accept(name));
            pages.add(new PreparedPage(name, img, dpi, bilevel, text));
        }
        return new Prepared(doc, pages);
    }

    /** A page that could not be decoded or analysed before: decoded again, or null when it still cannot be. */
    private ScannedPage retry(PageId id) throws InterruptedException {
        try {
            return images.load(List.of(id)).get(id);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private record PreparedPage(String name, BufferedImage image, int dpi, boolean bilevel, CompletableFuture<OcrText> text) {
    }

    /** A document whose pages are rendered and queued for OCR, ready to be written. */
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
            List<PdfPage> pdfPages = new ArrayList<>();
            for (PreparedPage p : pages) {
                OcrText text;
                try {
                    text = p.text().get();
                } catch (ExecutionException e) {
                    cancel();
                    Throwable cause = e.getCause();
                    throw new ExportException(ExportException.Reason.OCR_FAILED, "OCR failed on page " + p.name()
                            + " (" + cause.getMessage() + "); its document was not written", cause);
                }
                pdfPages.add(new PdfPage(p.image(), p.dpi(), p.bilevel(), text));
            }
            try {
                return writer.write(pdfPages, metadata(doc, info), target);
            } catch (PdfExportException e) {
                throw new ExportException(reason(e.reason()), e.getMessage(), e);
            }
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
