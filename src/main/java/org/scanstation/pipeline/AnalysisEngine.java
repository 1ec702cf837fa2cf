package org.scanstation.pipeline;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.scanstation.barcode.SeparatorRule;
import org.scanstation.barcode.ZxingBarcodeReader;
import org.scanstation.image.BlankPageDetector;
import org.scanstation.image.OrientationDetector;
import org.scanstation.image.PageLoader;
import org.scanstation.image.ReadLimits;
import org.scanstation.image.SkewDetector;
import org.scanstation.match.MatchPolicy;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelLocator;
import org.scanstation.ocr.LabelParser;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.PageTextLook;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.TesseractLabelReader;
import org.scanstation.ocr.TesseractOcrEngine;

/**
 * The analysis engine wired with the station's real components: Tesseract for labels and
 * orientation, ZXing for barcodes, the match policy over a patient index, and one pool of analysis
 * threads ({@link AnalysisPool}) that every batch borrows. Made once for the life of the application
 * (the station) or of a command; close it to stop the threads and release the native OCR engines.
 */
public final class AnalysisEngine implements AutoCloseable {

    private final TesseractOcrEngine ocr;
    private final TesseractOcrEngine pageOcr;
    private final TesseractOcrEngine layoutOcr;
    private final PageAnalyzer pageAnalyzer;
    private final AnalysisPool pool;
    private final ReadLimits readLimits;

    private AnalysisEngine(TesseractOcrEngine ocr, TesseractOcrEngine pageOcr, TesseractOcrEngine layoutOcr,
                           PageAnalyzer pageAnalyzer, int workers, ReadLimits readLimits) {
        this.ocr = ocr;
        this.pageOcr = pageOcr;
        this.layoutOcr = layoutOcr;
        this.pageAnalyzer = pageAnalyzer;
        this.pool = new AnalysisPool(workers);
        this.readLimits = readLimits;
    }

    /**
     * @throws OcrException when Tesseract or its English data is missing: checked here, before any page,
     *                      so a station without OCR refuses to start rather than send every page to review
     */
    public static AnalysisEngine create(AnalysisSettings settings, PatientIndex index) throws OcrException {
        TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK);
        ocr.recognise(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), null);
        // sparse text: a page's identifiers may stand in small blocks anywhere (a second label in a corner), which
        // the whole-page layout analysis can leave out
        TesseractOcrEngine pageOcr = new TesseractOcrEngine(ocr.tessdata(), "eng", TesseractOcrEngine.Layout.SPARSE);
        // the whole page laid out: the PDF text layer's reading, which the analysis makes of a page with no label
        // (PageTextLook) and the PDF step takes as it is
        TesseractOcrEngine layoutOcr = new TesseractOcrEngine(ocr.tessdata(), "eng", TesseractOcrEngine.Layout.PAGE);
        HospitalNumberFormat mrn = new HospitalNumberFormat(settings.hospitalNumberPattern());
        PageAnalyzer analyzer = new CleanRenderGate(new StandardPageAnalyzer(
                new BlankPageDetector(),
                new ZxingBarcodeReader(),
                new SeparatorRule(settings.separatorTexts()),
                new OrientationDetector(ocr),
                new SkewDetector(),
                new TesseractLabelReader(ocr, new LabelLocator(), new LabelParser(mrn)),
                mrn,
                // the pipeline does not report undecoded barcodes yet (ADR 0002, rule 4): the rule waits for it
                new MatchPolicy(index, true),
                new PageTextLook(layoutOcr, pageOcr),
                index));
        return new AnalysisEngine(ocr, pageOcr, layoutOcr, analyzer, settings.workers(), settings.readLimits());
    }

    public PageAnalyzer pageAnalyzer() {
        return pageAnalyzer;
    }

    /** Pages analysed at once. */
    public int workers() {
        return pool.workers();
    }

    /** A page loader with this engine's read limits (page time limit, page cap). */
    public PageLoader pageLoader() {
        return new PageLoader(readLimits);
    }

    /** Analyses files in order (each page of each file), reporting each page as soon as it is final. */
    public void analyse(List<Path> files, BatchListener listener) throws IOException, InterruptedException {
        PageLoader loader = pageLoader();
        analyse(sink -> {
            for (Path f : files) {
                loader.load(f, sink);
            }
        }, listener);
    }

    public void analyse(PageSource source, BatchListener listener) throws IOException, InterruptedException {
        new BatchAnalyzer(pageAnalyzer, pool).analyse(source, listener);
    }

    /** Each page's own findings in feeder order, not yet placed into documents (see {@link BatchAnalyzer#findings}). */
    public void findings(PageSource source, BatchAnalyzer.FindingsListener listener)
            throws IOException, InterruptedException {
        new BatchAnalyzer(pageAnalyzer, pool).findings(source, listener);
    }

    /** As {@link #findings(PageSource, BatchAnalyzer.FindingsListener)}, handing each analysed page to {@code pages}. */
    public void findings(PageSource source, BatchAnalyzer.FindingsListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        new BatchAnalyzer(pageAnalyzer, pool).findings(source, listener, pages);
    }

    /**
     * As {@link #analyse(PageSource, BatchListener)}; each page that was analysed is first handed to {@code pages}
     * with its upright image (on the worker that analysed it).
     */
    public void analyse(PageSource source, BatchListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        new BatchAnalyzer(pageAnalyzer, pool).analyse(source, listener, pages);
    }

    /** As {@link #analyse(List, BatchListener)}, handing each analysed page to {@code pages} as above. */
    public void analyse(List<Path> files, BatchListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        PageLoader loader = pageLoader();
        analyse(sink -> {
            for (Path f : files) {
                loader.load(f, sink);
            }
        }, listener, pages);
    }

    /**
     * An engine that lays out a whole page (Tesseract page layout), for reading a page for the PDF's text layer
     * on the analysis worker that holds it ({@link org.scanstation.ocr.PageTextReader}):
     * thread-safe, one native Tesseract made per thread that uses it, released with this engine.
     */
    public OcrEngine pageLayoutEngine() {
        return layoutOcr;
    }

    /** Stops the analysis threads, then releases their OCR engines (left open if a thread is still busy). */
    @Override
    public void close() {
        pool.close();
        if (pool.isClosed()) {
            ocr.close();
            pageOcr.close();
            layoutOcr.close();
        }
    }
}
