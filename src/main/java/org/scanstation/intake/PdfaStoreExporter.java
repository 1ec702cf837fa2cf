package org.scanstation.intake;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.scanstation.image.ImageOps;
import org.scanstation.image.Transform;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.Patient;
import org.scanstation.ocr.OcrText;
import org.scanstation.pdf.DocumentMetadata;
import org.scanstation.pdf.PdfExportException;
import org.scanstation.pdf.PdfPage;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.store.BatchIntake;
import org.scanstation.store.BatchIntake.DocumentContext;
import org.scanstation.store.BatchIntake.ExportPage;

/**
 * The store's PDF/A exporter: each stored page decoded in memory, turned upright and straightened by
 * its stored rotation and deskew, OCR'd for the invisible text layer, and the document built in
 * memory with the patient's NHS number, hospital number and name, the batch, station and operator
 * in its metadata. Nothing of a page or a PDF is written to disk here; the store encrypts the result.
 */
public final class PdfaStoreExporter implements BatchIntake.DocumentExporter {

    static final int DEFAULT_DPI = 300;

    private final TextLayerOcr ocr;
    private final PdfaDocumentWriter writer;
    private final PatientIndex patients;

    /** @param patients where the patient's hospital number and name are looked up by NHS number */
    public PdfaStoreExporter(TextLayerOcr ocr, PdfaDocumentWriter writer, PatientIndex patients) {
        this.ocr = ocr;
        this.writer = writer;
        this.patients = patients;
    }

    @Override
    public byte[] export(List<ExportPage> pages, String title) throws IOException {
        return build(pages, DocumentMetadata.titled(title));
    }

    @Override
    public byte[] export(List<ExportPage> pages, String title, DocumentContext context) throws IOException {
        return build(pages, metadata(pages, title, context));
    }

    private byte[] build(List<ExportPage> pages, DocumentMetadata metadata) throws IOException {
        List<BufferedImage> upright = new ArrayList<>(pages.size());
        List<CompletableFuture<OcrText>> texts = new ArrayList<>(pages.size());
        try {
            for (int i = 0; i < pages.size(); i++) {
                BufferedImage img = upright(pages.get(i), i + 1);
                upright.add(img);
                texts.add(ocr.submit(img));
            }
            List<PdfPage> pdfPages = new ArrayList<>(pages.size());
            for (int i = 0; i < pages.size(); i++) {
                ExportPage p = pages.get(i);
                BufferedImage img = upright.get(i);
                boolean bilevel = img.getColorModel().getPixelSize() == 1;
                pdfPages.add(new PdfPage(img, p.dpi() > 0 ? p.dpi() : DEFAULT_DPI, bilevel, text(texts.get(i), i + 1)));
            }
            return writer.writeBytes(pdfPages, metadata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        } catch (PdfExportException e) {
            throw new IOException(e.getMessage(), e);
        } finally {
            texts.forEach(f -> f.cancel(false));
        }
    }

    /** The page as it must appear: decoded, turned upright, then straightened. */
    static BufferedImage upright(ExportPage page, int pageNumber) throws IOException {
        BufferedImage raw;
        try {
            raw = StoredImageCodec.decode(page.image(), page.mediaType());
        } catch (IOException e) {
            throw new IOException("page " + pageNumber + " of the document cannot be decoded: " + e.getMessage(), e);
        }
        return ImageOps.render(raw, transforms(page));
    }

    static List<Transform> transforms(ExportPage page) {
        List<Transform> t = new ArrayList<>(2);
        if (page.rotation() % 360 != 0) {
            t.add(new Transform.Rotate(page.rotation()));
        }
        if (page.deskew() != 0) {
            t.add(new Transform.Deskew(page.deskew()));
        }
        return t;
    }

    private static OcrText text(CompletableFuture<OcrText> future, int pageNumber) throws IOException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IOException("OCR failed on page " + pageNumber + " of the document: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private DocumentMetadata metadata(List<ExportPage> pages, String title, DocumentContext c) {
        Optional<Patient> patient = c.nhsNumber() == null ? Optional.empty() : patients.byNhsNumber(c.nhsNumber());
        ZonedDateTime scanned = c.scannedAt() == null ? null : c.scannedAt().atZone(ZoneId.systemDefault());
        return new DocumentMetadata(title + ", document " + (c.document() + 1) + " of batch " + c.batchId(),
                c.nhsNumber(),
                patient.map(Patient::mrn).orElse(null),
                patient.map(Patient::displayName).orElse(null),
                c.batchId().toString(), scanned,
                emptyToNull(c.info().device()), emptyToNull(c.info().operator()), c.document(),
                pages.stream().map(ExportPage::source).toList());
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
