package org.scanstation.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchListener;
import org.scanstation.pipeline.PageAnalysis;
import org.scanstation.pipeline.Progress;

/**
 * Analyses a batch of scanned files and exports its documents as searchable PDF/A-2b files with
 * manifests ({@link BatchExporter} says what goes where). Full-page OCR runs in a bounded background
 * pool, one Tesseract per core. Close it to release the OCR engines.
 */
public final class ExportService implements AutoCloseable {

    private final AnalysisEngine analysis;
    private final TextLayerOcr ocr;
    private final BatchExporter exporter;

    private ExportService(AnalysisEngine analysis, TextLayerOcr ocr, BatchExporter exporter) {
        this.analysis = analysis;
        this.ocr = ocr;
        this.exporter = exporter;
    }

    /**
     * The station's real components: the analysis engine, Tesseract for the text layer, the PDF/A writer.
     *
     * @throws OcrException when Tesseract or its English data is missing
     */
    public static ExportService create(AnalysisSettings settings, PatientIndex index, PdfWriterOptions options)
            throws OcrException {
        AnalysisEngine analysis = AnalysisEngine.create(settings, index);
        TextLayerOcr ocr;
        try {
            ocr = TextLayerOcr.createDefault();
        } catch (OcrException | RuntimeException e) {
            analysis.close();
            throw e;
        }
        DocumentExporter documents = new DocumentExporter(new FilePageImageSource(), ocr, new PdfaDocumentWriter(options));
        return new ExportService(analysis, ocr, new BatchExporter(documents, Clock.systemDefaultZone()));
    }

    /**
     * Checks the export folder, analyses {@code files} (in batch order), then writes the documents.
     *
     * @param pageListener hears each page as soon as its analysis is final
     * @param progress     hears the export's progress (text layer per page, then each document written)
     * @throws ExportException when the folder cannot be written, OCR fails on a page or the disk is full
     * @throws IOException     when an input cannot be read
     */
    public ExportReport export(List<Path> files, BatchInfo info, Path folder, BatchListener pageListener,
                               Progress progress) throws ExportException, IOException, InterruptedException {
        BatchExporter.checkFolder(folder);
        List<PageAnalysis> pages = Collections.synchronizedList(new ArrayList<>());
        analysis.analyse(files, page -> {
            pages.add(page);
            if (pageListener != null) {
                pageListener.pageAnalysed(page);
            }
        });
        return exporter.write(List.copyOf(pages), info, folder, progress);
    }

    @Override
    public void close() {
        ocr.close();
        analysis.close();
    }
}
