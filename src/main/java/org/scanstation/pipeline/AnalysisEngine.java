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
import org.scanstation.image.SkewDetector;
import org.scanstation.match.MatchPolicy;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelLocator;
import org.scanstation.ocr.LabelParser;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.TesseractLabelReader;
import org.scanstation.ocr.TesseractOcrEngine;

/**
 * The analysis engine wired with the station's real components: Tesseract for labels and
 * orientation, ZXing for barcodes, the match policy over a patient index. One per batch or per
 * station; close it to release the native OCR engines.
 */
public final class AnalysisEngine implements AutoCloseable {

    private final TesseractOcrEngine ocr;
    private final TesseractOcrEngine pageOcr;
    private final PageAnalyzer pageAnalyzer;
    private final int workers;

    private AnalysisEngine(TesseractOcrEngine ocr, TesseractOcrEngine pageOcr, PageAnalyzer pageAnalyzer, int workers) {
        this.ocr = ocr;
        this.pageOcr = pageOcr;
        this.pageAnalyzer = pageAnalyzer;
        this.workers = workers;
    }

    /**
     * @throws OcrException when Tesseract or its English data is missing: checked here, before any page,
     *                      so a station without OCR refuses to start rather than send every page to review
     */
    public static AnalysisEngine create(AnalysisSettings settings, PatientIndex index) throws OcrException {
        TesseractOcrEngine ocr = TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK);
        ocr.recognise(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), null);
        TesseractOcrEngine pageOcr = new TesseractOcrEngine(ocr.tessdata(), "eng", TesseractOcrEngine.Layout.PAGE);
        HospitalNumberFormat mrn = new HospitalNumberFormat(settings.hospitalNumberPattern());
        PageAnalyzer analyzer = new StandardPageAnalyzer(
                new BlankPageDetector(),
                new ZxingBarcodeReader(),
                new SeparatorRule(settings.separatorTexts()),
                new OrientationDetector(ocr),
                new SkewDetector(),
                new TesseractLabelReader(ocr, new LabelLocator(), new LabelParser(mrn)),
                mrn,
                new MatchPolicy(index, settings.unreadableBarcodeNeedsReview()),
                pageOcr);
        return new AnalysisEngine(ocr, pageOcr, analyzer, settings.workers());
    }

    public PageAnalyzer pageAnalyzer() {
        return pageAnalyzer;
    }

    /** Analyses files in order (each page of each file), reporting each page as soon as it is final. */
    public void analyse(List<Path> files, BatchListener listener) throws IOException, InterruptedException {
        PageLoader loader = new PageLoader();
        analyse(sink -> {
            for (Path f : files) {
                loader.load(f, sink);
            }
        }, listener);
    }

    public void analyse(PageSource source, BatchListener listener) throws IOException, InterruptedException {
        new BatchAnalyzer(pageAnalyzer, workers).analyse(source, listener);
    }

    /**
     * As {@link #analyse(List, BatchListener)}; each page that was analysed is first handed to {@code pages} with
     * its upright image and, when the analysis read it, its whole text (on the worker that analysed it).
     */
    public void analyse(List<Path> files, BatchListener listener, AnalysedPageSink pages)
            throws IOException, InterruptedException {
        PageLoader loader = new PageLoader();
        new BatchAnalyzer(pageAnalyzer, workers).analyse(sink -> {
            for (Path f : files) {
                loader.load(f, sink);
            }
        }, listener, pages);
    }

    /**
     * The engine that reads a page's whole text ({@link org.scanstation.ocr.PageTextReader}): thread-safe, one
     * native Tesseract per thread; the text layer of pages the analysis did not read uses it too.
     */
    public OcrEngine pageTextEngine() {
        return pageOcr;
    }

    @Override
    public void close() {
        ocr.close();
        pageOcr.close();
    }
}
