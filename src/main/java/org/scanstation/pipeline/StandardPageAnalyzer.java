package org.scanstation.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.barcode.BarcodeReader;
import org.scanstation.barcode.SeparatorRule;
import org.scanstation.image.BlankPageDetector;
import org.scanstation.image.BlankVerdict;
import org.scanstation.image.ImageOps;
import org.scanstation.image.OrientationDetector;
import org.scanstation.image.ScannedPage;
import org.scanstation.image.SkewDetector;
import org.scanstation.image.Transform;
import org.scanstation.match.MatchDecision;
import org.scanstation.match.MatchPolicy;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelReader;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.PageTextLook;

/**
 * The page stages in order: blank check, barcodes, separator check, orientation, skew, then who the page
 * belongs to ({@link PageIdentifier}: label OCR, page text, match). Each page is independent, so pages run
 * in parallel.
 */
public final class StandardPageAnalyzer implements PageAnalyzer {

    private static final java.util.Set<String> TWO_D = java.util.Set.of("DATA_MATRIX", "QR_CODE", "AZTEC", "PDF_417");

    private final BlankPageDetector blankDetector;
    private final BarcodeReader barcodes;
    private final SeparatorRule separators;
    private final OrientationDetector orientation;
    private final SkewDetector skew;
    private final PageIdentifier identifier;

    public StandardPageAnalyzer(BlankPageDetector blankDetector, BarcodeReader barcodes, SeparatorRule separators,
                                OrientationDetector orientation, SkewDetector skew, LabelReader labels,
                                HospitalNumberFormat mrnFormat, MatchPolicy policy, PageTextLook pageText) {
        this(blankDetector, barcodes, separators, orientation, skew, labels, mrnFormat, policy, pageText, null);
    }

    /**
     * @param index the patient index the policy decides against; with it, a page the first reading leaves
     *              short of evidence gets a harder look at its labels and then at its text (ADR 0013); null for none
     */
    public StandardPageAnalyzer(BlankPageDetector blankDetector, BarcodeReader barcodes, SeparatorRule separators,
                                OrientationDetector orientation, SkewDetector skew, LabelReader labels,
                                HospitalNumberFormat mrnFormat, MatchPolicy policy, PageTextLook pageText,
                                PatientIndex index) {
        this.blankDetector = blankDetector;
        this.barcodes = barcodes;
        this.separators = separators;
        this.orientation = orientation;
        this.skew = skew;
        this.identifier = new PageIdentifier(labels, mrnFormat, policy, pageText, index);
    }

    @Override
    public PageFindings analyse(ScannedPage page) {
        return analyseKeepingImage(page).findings();
    }

    /** The findings with the upright grey page the stages made (ADR 0015). */
    @Override
    public AnalysedPage analyseKeepingImage(ScannedPage page) {
        BufferedImage grey = ImageOps.toGrey(page.image());
        double darkShare = darkShare(grey);
        if (darkShare > 0.85) {
            // Not blank and not readable: a lamp or cover fault, a black sheet, a photo negative. Never dropped.
            MatchDecision dark = new MatchDecision.NeedsReview(null, 0,
                    List.of(String.format("the page is almost entirely dark (%.0f%% of it): check the scanner or the original",
                            darkShare * 100)), java.util.Set.of("dark-page:" + page.id().name()));
            return new AnalysedPage(page, new PageFindings(page.id(), PageKind.CONTENT, dark, 0, 0, List.of(), List.of(),
                    List.of(), List.of()), grey);
        }
        BlankVerdict blank = blankDetector.assess(grey, page.dpi());
        if (blank.blank()) {
            return new AnalysedPage(page, new PageFindings(page.id(), PageKind.BLANK, null, 0, 0, List.of(), List.of(),
                    List.of(), List.of(blank.reason())), null);
        }
        List<Barcode> found = barcodes.read(grey);
        for (Barcode b : found) {
            if (separators.isSeparator(b)) {
                return new AnalysedPage(page, new PageFindings(page.id(), PageKind.SEPARATOR, null, 0, 0, List.of(), found,
                        List.of(), List.of("separator sheet (" + b.format() + " '" + b.text() + "')")), null);
            }
        }
        OrientationDetector.Orientation turn = orientation.detect(grey);
        int rotation = turn.clockwiseDegrees();
        BufferedImage turned = ImageOps.rotateQuadrant(grey, rotation);
        // the orientation measured the text lines' tilt on its way (the same profile search on the same reduced
        // page, read turned): measured once
        double skewDegrees = turn.linesMeasured() ? turn.uprightSkewDegrees() : skew.detectDegrees(turned);
        List<Transform> transforms = new ArrayList<>();
        if (rotation != 0) {
            transforms.add(new Transform.Rotate(rotation));
        }
        BufferedImage upright = turned;
        if (Math.abs(skewDegrees) >= 0.2) {
            Transform.Deskew deskew = new Transform.Deskew(-skewDegrees);
            transforms.add(deskew);
            upright = ImageOps.rotateSmall(turned, deskew.degrees());
        }
        // 2D symbols are hard to tell from print without a hint; 1D bars the label locator finds itself, more
        // tightly than a decoder's bounds (which can take in the text line beside the bars).
        List<Rectangle> hints = new ArrayList<>();
        for (Barcode b : found) {
            if (b.bounds() != null && TWO_D.contains(b.format())) {
                hints.add(ImageOps.mapToUpright(b.bounds(), grey.getWidth(), grey.getHeight(), transforms));
            }
        }
        PageIdentifier.Identification who = identifier.identify(page.id().name(), upright, page.dpi(), page.bilevel(), hints,
                found, turn, blank);
        MatchDecision decision = who.decision();
        List<LabelReading> readings = who.readings();
        return new AnalysedPage(page, new PageFindings(page.id(), PageKind.CONTENT, decision, rotation, skewDegrees,
                List.copyOf(transforms), found, readings, List.of()), upright, who.pageText());
    }

    /** Share of the page darker than mid-grey, sampled on a coarse grid. */
    static double darkShare(BufferedImage grey) {
        var raster = grey.getRaster();
        int step = Math.max(1, Math.min(grey.getWidth(), grey.getHeight()) / 200);
        long dark = 0;
        long all = 0;
        for (int y = 0; y < grey.getHeight(); y += step) {
            for (int x = 0; x < grey.getWidth(); x += step) {
                all++;
                if (raster.getSample(x, y, 0) < 96) {
                    dark++;
                }
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }
}
