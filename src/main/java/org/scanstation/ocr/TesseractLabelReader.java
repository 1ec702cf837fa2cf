package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scanstation.model.HospitalNumberFormat;

/**
 * Reads patient labels: {@link LabelLocator} finds the label regions, each region (only) is cut out,
 * cleaned of its ruling and barcode bars, enlarged when its text is small, read by Tesseract as one
 * block of text and parsed by {@link LabelParser}. A region whose text holds no identifier, name or date
 * of birth is not a label and is left out. Thread-safe when its engine is (Tesseract is, one native
 * handle per thread).
 */
public final class TesseractLabelReader implements LabelReader, AutoCloseable {

    /** Text lines shorter than this (pixels, ascender to descender) are enlarged: Tesseract reads best with an x-height of 20 px or more. */
    static final int MIN_LINE_HEIGHT_PX = 40;
    private static final double MAX_UPSCALE = 3.0;

    private final OcrEngine engine;
    private final LabelLocator locator;
    private final LabelParser parser;

    /** @param engine an engine reading a block of text (Tesseract {@link TesseractOcrEngine.Layout#BLOCK}) */
    public TesseractLabelReader(OcrEngine engine, LabelLocator locator, LabelParser parser) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** Tesseract (English, block layout) with the given hospital number format. */
    public static TesseractLabelReader create(HospitalNumberFormat format) throws OcrException {
        return new TesseractLabelReader(TesseractOcrEngine.createDefault(TesseractOcrEngine.Layout.BLOCK),
                new LabelLocator(), new LabelParser(format));
    }

    @Override
    public List<LabelReading> read(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException {
        return read(uprightPage, barcodeHints, LabelLocator.estimateDpi(uprightPage));
    }

    /** As {@link #read(BufferedImage, List)} for a page whose resolution is known. */
    public List<LabelReading> read(BufferedImage uprightPage, List<Rectangle> barcodeHints, double dpi) throws OcrException {
        Objects.requireNonNull(uprightPage, "uprightPage");
        List<LabelReading> readings = new ArrayList<>();
        for (LabelLocator.LabelRegion region : locator.locate(uprightPage, barcodeHints, dpi)) {
            LabelReading reading = readRegion(uprightPage, region, dpi);
            if (reading.hasIdentifier() || reading.hasDemographics()) {
                readings.add(reading);
            }
        }
        return readings;
    }

    private LabelReading readRegion(BufferedImage page, LabelLocator.LabelRegion region, double dpi) throws OcrException {
        BufferedImage crop = LabelCrop.prepare(page, region, dpi, MIN_LINE_HEIGHT_PX, MAX_UPSCALE);
        OcrText text = engine.recognise(crop, null);
        return parser.parse(text.text(), region.bounds(), text.meanConfidence());
    }

    @Override
    public void close() {
        engine.close();
    }
}
