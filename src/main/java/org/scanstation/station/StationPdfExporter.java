package org.scanstation.station;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import javax.imageio.ImageIO;
import org.scanstation.image.ImageOps;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfExportException;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.store.BatchIntake;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Builds a document's searchable PDF/A-2b from stored page images: each page turned upright, OCR'd
 * for the invisible text layer, written by {@link PdfaDocumentWriter}. Reports each page's OCR as done.
 */
public final class StationPdfExporter implements BatchIntake.DocumentExporter {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    private final TextLayerOcr ocr;
    private final PdfaDocumentWriter writer;
    private final int dpi;
    private volatile IntConsumer pagesOcrd = n -> { };

    /** @param dpi the resolution pages were scanned at (stored images carry none) */
    public StationPdfExporter(TextLayerOcr ocr, PdfaDocumentWriter writer, int dpi) {
        this.ocr = ocr;
        this.writer = writer;
        this.dpi = dpi;
    }

    /** Called with 1 each time a page's text layer is done (on the exporting thread). */
    public void onPageOcrd(IntConsumer counter) {
        this.pagesOcrd = counter == null ? n -> { } : counter;
    }

    @Override
    public byte[] export(List<BatchIntake.ExportPage> pages, String title) throws IOException {
        List<BufferedImage> upright = new ArrayList<>();
        List<CompletableFuture<OcrText>> texts = new ArrayList<>();
        try {
            for (BatchIntake.ExportPage p : pages) {
                BufferedImage raw = ImageIO.read(new ByteArrayInputStream(p.image()));
                if (raw == null) {
                    throw new IOException("page " + p.source() + " cannot be decoded");
                }
                BufferedImage img = p.rotation() == 0 ? raw : ImageOps.rotateQuadrant(raw, p.rotation());
                upright.add(img);
                texts.add(ocr.submit(img));
            }
            List<PdfPage> pdfPages = new ArrayList<>();
            for (int i = 0; i < upright.size(); i++) {
                OcrText text = texts.get(i).get();
                pagesOcrd.accept(1);
                BufferedImage img = upright.get(i);
                pdfPages.add(new PdfPage(img, dpi, img.getType() == BufferedImage.TYPE_BYTE_BINARY, text));
            }
            // built in memory: the plaintext PDF never touches the disk (it goes to the encrypted store)
            return writer.writeBytes(pdfPages, DocumentMetadata.titled(title));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("OCR failed: " + e.getCause().getMessage(), e.getCause());
        } catch (PdfExportException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
