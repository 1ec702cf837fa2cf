package org.scanstation.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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

    public WrittenPdf export(BatchDocument doc, BatchInfo info, Path target) throws ExportException, InterruptedException {
        List<PageId> readable = doc.pages().stream().filter(p -> !unreadable(p)).map(PageAnalysis::id).toList();
        Map<PageId, ScannedPage> raw;
        try {
            raw = images.load(readable);
        } catch (IOException e) {
            throw new ExportException("document " + doc.index() + ": a page can no longer be read (" + e.getMessage() + ")", e);
        }
        List<BufferedImage> upright = new ArrayList<>();
        List<Integer> dpis = new ArrayList<>();
        List<Boolean> bilevel = new ArrayList<>();
        List<CompletableFuture<OcrText>> texts = new ArrayList<>();
        for (PageAnalysis p : doc.pages()) {
            BufferedImage img;
            int dpi;
            boolean bw;
            if (unreadable(p)) {
                dpi = 150;
                img = UnreadablePagePlaceholder.render(p.id().name(), p.reasons().isEmpty() ? "unknown" : p.reasons().get(0), dpi);
                bw = false;
            } else {
                ScannedPage page = raw.get(p.id());
                img = ImageOps.render(page.image(), p.transforms());
                dpi = page.dpi();
                bw = page.bilevel();
            }
            upright.add(img);
            dpis.add(dpi);
            bilevel.add(bw);
            texts.add(ocr.submit(img));
        }
        List<PdfPage> pages = new ArrayList<>();
        for (int i = 0; i < upright.size(); i++) {
            OcrText text;
            try {
                text = texts.get(i).get();
            } catch (ExecutionException e) {
                throw new ExportException("document " + doc.index() + ": OCR failed on " + doc.pages().get(i).id().name()
                        + " (" + e.getCause().getMessage() + ")", e.getCause());
            }
            pages.add(new PdfPage(upright.get(i), dpis.get(i), bilevel.get(i), text));
        }
        DocumentMetadata meta = metadata(doc, info);
        try {
            return writer.write(pages, meta, target);
        } catch (PdfExportException e) {
            throw new ExportException(e.getMessage(), e);
        }
    }

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
