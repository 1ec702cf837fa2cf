package org.scanstation.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.scanstation.barcode.Barcode;
import org.scanstation.barcode.BarcodePayload;
import org.scanstation.barcode.BarcodeReader;
import org.scanstation.barcode.SeparatorRule;
import org.scanstation.image.BlankPageDetector;
import org.scanstation.image.BlankVerdict;
import org.scanstation.image.ImageOps;
import org.scanstation.image.OrientationDetector;
import org.scanstation.image.ScannedPage;
import org.scanstation.image.SkewDetector;
import org.scanstation.image.Transform;
import org.scanstation.match.IdentifierRead;
import org.scanstation.match.MatchDecision;
import org.scanstation.match.MatchPolicy;
import org.scanstation.match.PageEvidence;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelReader;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextIdentifiers;
import org.scanstation.ocr.PageTextReader;
import java.time.LocalDate;

/**
 * The page stages in order: blank check, barcodes, separator check, orientation, skew, label OCR,
 * match. Each page is independent, so pages run in parallel.
 */
public final class StandardPageAnalyzer implements PageAnalyzer {

    private static final java.util.Set<String> TWO_D = java.util.Set.of("DATA_MATRIX", "QR_CODE", "AZTEC", "PDF_417");

    private final BlankPageDetector blankDetector;
    private final BarcodeReader barcodes;
    private final SeparatorRule separators;
    private final OrientationDetector orientation;
    private final SkewDetector skew;
    private final LabelReader labels;
    private final HospitalNumberFormat mrnFormat;
    private final MatchPolicy policy;
    private final OcrEngine pageText;

    public StandardPageAnalyzer(BlankPageDetector blankDetector, BarcodeReader barcodes, SeparatorRule separators,
                                OrientationDetector orientation, SkewDetector skew, LabelReader labels,
                                HospitalNumberFormat mrnFormat, MatchPolicy policy, OcrEngine pageText) {
        this.blankDetector = blankDetector;
        this.barcodes = barcodes;
        this.separators = separators;
        this.orientation = orientation;
        this.skew = skew;
        this.labels = labels;
        this.mrnFormat = mrnFormat;
        this.policy = policy;
        this.pageText = pageText;
    }

    @Override
    public PageFindings analyse(ScannedPage page) {
        return analyseKeepingImage(page).findings();
    }

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
                    List.of(), List.of()), grey, null);
        }
        BlankVerdict blank = blankDetector.assess(grey, page.dpi());
        if (blank.blank()) {
            return new AnalysedPage(page, new PageFindings(page.id(), PageKind.BLANK, null, 0, 0, List.of(), List.of(),
                    List.of(), List.of(blank.reason())), null, null);
        }
        List<Barcode> found = barcodes.read(grey);
        for (Barcode b : found) {
            if (separators.isSeparator(b)) {
                return new AnalysedPage(page, new PageFindings(page.id(), PageKind.SEPARATOR, null, 0, 0, List.of(), found,
                        List.of(), List.of("separator sheet (" + b.format() + " '" + b.text() + "')")), null, null);
            }
        }
        int rotation = orientation.detectClockwiseRotation(grey);
        BufferedImage turned = ImageOps.rotateQuadrant(grey, rotation);
        double skewDegrees = skew.detectDegrees(turned);
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
        List<LabelReading> readings;
        List<String> notes = new ArrayList<>();
        try {
            readings = labels.read(upright, hints);
        } catch (OcrException e) {
            readings = List.of();
            notes.add("label OCR failed: " + e.getMessage());
        }
        List<IdentifierRead> ids = identifiers(found, readings);
        OcrText text = null;
        if (ids.isEmpty() && readings.isEmpty() && pageText != null) {
            // No label: before taking this page for a continuation page, look for identifiers printed in its
            // text (a letter's "Re:" line, a label that could not be located). Without this a first page with
            // no label would be filed with the previous patient's document.
            readings = new ArrayList<>();
            try {
                // read as the PDF text layer reads it, which can then take this text as it is
                text = PageTextReader.read(pageText, upright, page.dpi());
                PageTextIdentifiers body = PageTextIdentifiers.read(text.text(), mrnFormat, LocalDate.now());
                for (String nhs : body.nhsDigits()) {
                    ids.add(new IdentifierRead(IdentifierRead.Kind.NHS_NUMBER, nhs, IdentifierRead.Source.PAGE_TEXT, -1));
                }
                for (String mrn : body.mrns()) {
                    ids.add(new IdentifierRead(IdentifierRead.Kind.HOSPITAL_NUMBER, mrn, IdentifierRead.Source.PAGE_TEXT, -1));
                }
                for (LocalDate dob : body.birthDates()) {
                    readings.add(new LabelReading(null, "", null, null, dob, null, null, text.meanConfidence()));
                }
            } catch (OcrException e) {
                notes.add("page text OCR failed: " + e.getMessage());
            }
        }
        MatchDecision decision = policy.decide(new PageEvidence(ids, readings, 0));
        if (!notes.isEmpty()) {
            List<String> reasons = new ArrayList<>(notes);
            reasons.addAll(decision.reasons());
            decision = new MatchDecision.NeedsReview(null, 0, List.copyOf(reasons),
                    decision.identityKeys().isEmpty() ? java.util.Set.of("unidentified") : decision.identityKeys());
        }
        return new AnalysedPage(page, new PageFindings(page.id(), PageKind.CONTENT, decision, rotation, skewDegrees,
                List.copyOf(transforms), found, readings, List.of()), upright, text);
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

    private List<IdentifierRead> identifiers(List<Barcode> found, List<LabelReading> readings) {
        List<IdentifierRead> ids = new ArrayList<>();
        for (Barcode b : found) {
            BarcodePayload p = BarcodePayload.parse(b, mrnFormat);
            p.nhsDigits().ifPresent(d -> ids.add(
                    new IdentifierRead(IdentifierRead.Kind.NHS_NUMBER, d, IdentifierRead.Source.BARCODE, -1)));
            p.mrn().ifPresent(m -> ids.add(
                    new IdentifierRead(IdentifierRead.Kind.HOSPITAL_NUMBER, m, IdentifierRead.Source.BARCODE, -1)));
        }
        for (int i = 0; i < readings.size(); i++) {
            LabelReading r = readings.get(i);
            if (r.nhsDigits() != null) {
                ids.add(new IdentifierRead(IdentifierRead.Kind.NHS_NUMBER, r.nhsDigits(), IdentifierRead.Source.LABEL_TEXT, i));
            }
            if (r.mrn() != null) {
                ids.add(new IdentifierRead(IdentifierRead.Kind.HOSPITAL_NUMBER, r.mrn(), IdentifierRead.Source.LABEL_TEXT, i));
            }
        }
        return ids;
    }
}
