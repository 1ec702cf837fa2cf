package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.files.NoPlaintextTempFiles;

/**
 * Reads patient labels: {@link LabelLocator} finds the label regions, each region (only) is cut out,
 * cleaned of its ruling and barcode bars, enlarged when its text is small, read by Tesseract as one
 * block of text and parsed by {@link LabelParser}. A region whose text holds no identifier, name or date
 * of birth is not a label and is left out. Thread-safe when its engine is (Tesseract is, one native
 * handle per thread).
 */
public final class TesseractLabelReader implements LabelReader, AutoCloseable {

    static {
        // no imageio*.tmp plaintext in the temporary folder (see NoPlaintextTempFiles)
        NoPlaintextTempFiles.apply();
    }

    /** Text lines shorter than this (pixels, ascender to descender) are enlarged: Tesseract reads best with an x-height of 20 px or more. */
    static final int MIN_LINE_HEIGHT_PX = 40;
    private static final double MAX_UPSCALE = 3.0;
    /** How much larger the second look at a label is. */
    private static final double SECOND_LOOK_SCALE = 1.5;

    private final OcrEngine engine;
    private final LabelLocator locator;
    private final LabelParser parser;
    private final LabelRereader rereader;

    /** @param engine an engine reading a block of text (Tesseract {@link TesseractOcrEngine.Layout#BLOCK}) */
    public TesseractLabelReader(OcrEngine engine, LabelLocator locator, LabelParser parser) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.rereader = new LabelRereader(engine, locator, parser);
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
        return readAll(uprightPage, barcodeHints, dpi).readings();
    }

    @Override
    public LabelsFound readAll(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException {
        return readAll(uprightPage, barcodeHints, LabelLocator.estimateDpi(uprightPage));
    }

    private LabelsFound readAll(BufferedImage uprightPage, List<Rectangle> barcodeHints, double dpi) throws OcrException {
        Objects.requireNonNull(uprightPage, "uprightPage");
        List<Rectangle> located = new ArrayList<>();
        List<LabelReading> readings = new ArrayList<>();
        for (LabelLocator.LabelRegion region : locator.locate(uprightPage, barcodeHints, dpi)) {
            located.add(region.bounds());
            LabelReading reading = readRegion(uprightPage, region, dpi);
            if (reading.hasIdentifier() || reading.hasDemographics()) {
                readings.add(reading);
            }
        }
        return new LabelsFound(located, readings);
    }

    /**
     * One look at the label; when a field it names could not be read, a second look at another size
     * (Tesseract's errors change with the size of the text: the page's own size when the first look
     * enlarged it, else half as large again) fills the gaps. Fields the two looks read differently are
     * dropped.
     */
    private LabelReading readRegion(BufferedImage page, LabelLocator.LabelRegion region, double dpi) throws OcrException {
        BufferedImage crop = LabelCrop.prepare(page, region, dpi);
        double scale = LabelCrop.upscale(crop, MIN_LINE_HEIGHT_PX, MAX_UPSCALE);
        OcrText text = engine.recognise(LabelCrop.scaled(crop, scale), null);
        LabelReading first = parser.parse(text.text(), region.bounds(), text.meanConfidence());
        if (!parser.hasUnreadFields(first)) {
            return first;
        }
        double otherScale = scale > 1.15 ? 1.0 : SECOND_LOOK_SCALE;
        OcrText again = engine.recognise(LabelCrop.scaled(crop, otherScale), null);
        LabelReading second = parser.parse(again.text(), region.bounds(), again.meanConfidence());
        return LabelReadings.combine(first, second);
    }

    @Override
    public List<Rectangle> locate(BufferedImage uprightPage, List<Rectangle> barcodeHints) {
        List<Rectangle> out = new ArrayList<>();
        for (LabelLocator.LabelRegion r : locator.locate(uprightPage, barcodeHints, LabelLocator.estimateDpi(uprightPage))) {
            out.add(r.bounds());
        }
        return out;
    }

    @Override
    public List<LabelHypotheses> reread(BufferedImage uprightPage, List<Rectangle> barcodeHints) throws OcrException {
        return rereader.reread(Objects.requireNonNull(uprightPage, "uprightPage"), barcodeHints,
                LabelLocator.estimateDpi(uprightPage));
    }

    @Override
    public void close() {
        engine.close();
    }
}
