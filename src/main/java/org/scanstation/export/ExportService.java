package org.scanstation.export;

import org.scanstation.pipeline.BatchDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scanstation.match.PatientIndex;
import org.scanstation.ocr.OcrException;
import org.scanstation.pdf.PdfWriterOptions;
import org.scanstation.pdf.PdfaDocumentWriter;
import org.scanstation.pdf.TextLayerOcr;
import org.scanstation.pipeline.AnalysisEngine;
import org.scanstation.pipeline.AnalysisSettings;
import org.scanstation.pipeline.BatchListener;
import org.scanstation.model.Progress;

/**
 * Analyses a batch of scanned files and exports its documents as searchable PDF/A-2b files with
 * manifests ({@link BatchExporter} says what goes where). Each page is made ready for its PDF on the
 * analysis worker that analysed it ({@link PdfPagePreparer}): decoded, turned and read once. Close it to
 * release the OCR engines.
 */
public final class ExportService implements AutoCloseable {

    private final AnalysisEngine analysis;
    private final TextLayerOcr ocr;
    private final BatchExporter exporter;
    private final PreparedPages prepared;
    private final PdfPagePreparer preparer;

    private ExportService(AnalysisEngine analysis, TextLayerOcr ocr, BatchExporter exporter, PreparedPages prepared,
                          PdfPagePreparer preparer) {
        this.analysis = analysis;
        this.ocr = ocr;
        this.exporter = exporter;
        this.prepared = prepared;
        this.preparer = preparer;
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
        PdfaDocumentWriter writer = new PdfaDocumentWriter(options);
        PreparedPages prepared = new PreparedPages();
        DocumentExporter documents = new DocumentExporter(ocr, writer);
        return new ExportService(analysis, ocr, new BatchExporter(documents,
                new DocumentPages(new FilePageImageSource(), prepared), Clock.systemDefaultZone()), prepared,
                new PdfPagePreparer(analysis.pageLayoutEngine(), writer, prepared));
    }

    /**
     * Checks the export folder, then analyses {@code files} (in batch order) on a background thread while
     * writing each document as soon as its last page is analysed.
     *
     * @param pageListener hears each page as soon as its analysis is final (on the analysis thread)
     * @param progress     hears the export's progress (text layer per page, then each document written)
     * @throws ExportException when the folder cannot be written, OCR fails on a page or the disk is full
     * @throws IOException     when an input cannot be read
     */
    public ExportReport export(List<Path> files, BatchInfo info, Path folder, BatchListener pageListener,
                               Progress progress) throws ExportException, IOException, InterruptedException {
        BatchExporter.checkFolder(folder);
        prepared.clear();
        BatchExporter.checkNoFilesOfBatch(folder, info);
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        AtomicInteger analysed = new AtomicInteger();
        ExecutorService analysisThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "export-analysis");
            t.setDaemon(true);
            return t;
        });
        try {
            analysisThread.execute(() -> {
                BatchDocument.Grouper grouper = new BatchDocument.Grouper();
                try {
                    analysis.analyse(files, page -> {
                        analysed.incrementAndGet();
                        if (pageListener != null) {
                            pageListener.pageAnalysed(page);
                        }
                        grouper.accept(page).ifPresent(arrivals::add);
                    }, preparer);
                    grouper.finish().ifPresent(arrivals::add);
                    arrivals.add(END_OF_BATCH);
                } catch (Throwable t) {
                    arrivals.add(t);
                }
            });
            ExportReport r = exporter.write(() -> next(arrivals), info, folder, progress);
            return new ExportReport(r.folder(), r.filed(), r.review(), analysed.get());
        } finally {
            // an export that stopped early interrupts the analysis; it stops between pages
            analysisThread.shutdownNow();
            analysisThread.awaitTermination(1, TimeUnit.MINUTES);
            prepared.clear();
        }
    }

    private static final Object END_OF_BATCH = new Object();

    private static BatchDocument next(BlockingQueue<Object> arrivals) throws IOException, InterruptedException {
        Object o = arrivals.take();
        if (o == END_OF_BATCH) {
            arrivals.add(END_OF_BATCH);
            return null;
        }
        if (o instanceof BatchDocument d) {
            return d;
        }
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof InterruptedException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw new IllegalStateException("analysis failed: " + e.getMessage(), e);
        }
        throw new IllegalStateException("analysis failed: " + o, (Throwable) o);
    }

    @Override
    public void close() {
        ocr.close();
        analysis.close();
    }
}
