package org.scanstation.ocr;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Reads the labels of a page again, harder, when the first look left the page short of evidence: each
 * label crop (the label only, never the page) is looked at several more ways (enlarged further,
 * thickened, broken strokes joined, de-speckled), and every field each look reads is counted
 * ({@link LabelHypotheses}). Nothing is chosen here: the check digit and the patient index choose among
 * the hypotheses (ADR 0013). About four OCR runs of one label each, so only for the few pages that need it.
 * Thread-safe when its engine is.
 */
final class LabelRereader {

    /** One more way of looking at a label crop. */
    record Look(String name, double lineHeight, BiFunction<BufferedImage, Double, BufferedImage> prepare) {
    }

    /** Text line height (pixels) each look enlarges to; Tesseract's errors change with the size of the text. */
    static final List<Look> LOOKS = List.of(
            new Look("enlarged", 50, LabelImageVariants::enlarged),
            new Look("thickened", 50, LabelImageVariants::thickened),
            new Look("enlarged more", 70, LabelImageVariants::enlarged),
            new Look("strokes joined", 70, LabelImageVariants::joined));

    private static final double MAX_SCALE = 4.0;

    private final OcrEngine engine;
    private final LabelLocator locator;
    private final LabelParser parser;

    LabelRereader(OcrEngine engine, LabelLocator locator, LabelParser parser) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** One set of hypotheses per label region the locator finds, top to bottom (the regions of the first reading). */
    List<LabelHypotheses> reread(BufferedImage uprightPage, List<Rectangle> barcodeHints, double dpi) throws OcrException {
        List<LabelHypotheses> out = new ArrayList<>();
        for (LabelLocator.LabelRegion region : locator.locate(uprightPage, barcodeHints, dpi)) {
            out.add(reread(uprightPage, region, dpi));
        }
        return out;
    }

    LabelHypotheses reread(BufferedImage page, LabelLocator.LabelRegion region, double dpi) throws OcrException {
        BufferedImage crop = LabelCrop.prepare(page, region, dpi);
        int lineHeight = LabelCrop.medianLineHeight(crop);
        LabelHypotheses hypotheses = new LabelHypotheses(region.bounds());
        for (Look look : LOOKS) {
            double scale = lineHeight <= 0 ? 2.0 : Math.max(1.0, Math.min(MAX_SCALE, look.lineHeight() / lineHeight));
            OcrText text = engine.recognise(look.prepare().apply(crop, scale), null);
            hypotheses.add(parser.parse(text.text(), region.bounds(), text.meanConfidence()));
        }
        return hypotheses;
    }
}
