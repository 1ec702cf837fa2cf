package org.scanstation.intake;

import org.scanstation.export.DocumentExporter;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;

/**
 * The long-lived engines of the path from a page to a queued document: the analysis engine with its
 * thread pool, and the text-layer OCR pool behind the one PDF builder. Made once for the life of the
 * station (or of a command) and shared by every batch; close it to release the native OCR engines.
 */
public final class Engines implements AutoCloseable {

    private final AnalysisEngine analysis;
    private final TextLayerOcr textLayer;
    private final DocumentExporter pdfs;
    private final PatientIndex patients;

    private Engines(AnalysisEngine analysis, TextLayerOcr textLayer, PdfWriterOptions pdf, PatientIndex patients) {
        this.analysis = analysis;
        this.textLayer = textLayer;
        this.pdfs = new DocumentExporter(textLayer, new PdfaDocumentWriter(pdf));
        this.patients = patients;
    }

    /** @throws OcrException when Tesseract or its English data is missing */
    public static Engines create(AnalysisSettings settings, PatientIndex patients) throws OcrException {
        return create(settings, patients, PdfWriterOptions.defaults());
    }

    /**
     * @param pdf how the one builder encodes pages
     * @throws OcrException when Tesseract or its English data is missing
     */
    public static Engines create(AnalysisSettings settings, PatientIndex patients, PdfWriterOptions pdf)
            throws OcrException {
        AnalysisEngine analysis = AnalysisEngine.create(settings, patients);
        try {
            return new Engines(analysis, TextLayerOcr.createDefault(), pdf, patients);
        } catch (OcrException | RuntimeException e) {
            analysis.close();
            throw e;
        }
    }

    public AnalysisEngine analysis() {
        return analysis;
    }

    /** The one PDF builder. */
    public DocumentExporter pdfs() {
        return pdfs;
    }

    public PatientIndex patients() {
        return patients;
    }

    /** Builds stored documents' PDFs with the one builder. */
    public StoredDocumentPdf storedDocumentPdf() {
        return new StoredDocumentPdf(pdfs, patients);
    }

    @Override
    public void close() {
        textLayer.close();
        analysis.close();
    }
}
