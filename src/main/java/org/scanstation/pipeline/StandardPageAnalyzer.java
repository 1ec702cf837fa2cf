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
import org.scanstation.match.PatientIndex;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelHypotheses;
import org.scanstation.ocr.LabelReader;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.OcrEngine;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextIdentifiers;
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
    private final LabelHypothesisChooser chooser;

    public StandardPageAnalyzer(BlankPageDetector blankDetector, BarcodeReader barcodes, SeparatorRule separators,
                                OrientationDetector orientation, SkewDetector skew, LabelReader labels,
                                HospitalNumberFormat mrnFormat, MatchPolicy policy, OcrEngine pageText) {
        this(blankDetector, barcodes, separators, orientation, skew, labels, mrnFormat, policy, pageText, null);
    }

    /**
     * @param index the patient index the policy decides against; with it, a page the first reading leaves
     *              short of evidence gets a harder look at its labels and then at its text (ADR 0013); null for none
     */
    public StandardPageAnalyzer(BlankPageDetector blankDetector, BarcodeReader barcodes, SeparatorRule separators,
                                OrientationDetector orientation, SkewDetector skew, LabelReader labels,
                                HospitalNumberFormat mrnFormat, MatchPolicy policy, OcrEngine pageText,
                                PatientIndex index) {
        this.blankDetector = blankDetector;
        this.barcodes = barcodes;
        this.separators = separators;
        this.orientation = orientation;
        this.skew = skew;
        this.labels = labels;
        this.mrnFormat = mrnFormat;
        this.policy = policy;
        this.pageText = pageText;
        this.chooser = index == null ? null : new LabelHypothesisChooser(index);
    }

    @Override
    public PageFindings analyse(ScannedPage page) {
        BufferedImage grey = ImageOps.toGrey(page.image());
        double darkShare = darkShare(grey);
        if (darkShare > 0.85) {
            // Not blank and not readable: a lamp or cover fault, a black sheet, a photo negative. Never dropped.
            return new PageFindings(page.id(), PageKind.CONTENT, new MatchDecision.NeedsReview(null, 0,
                    List.of(String.format("the page is almost entirely dark (%.0f%% of it): check the scanner or the original",
                            darkShare * 100)), java.util.Set.of("dark-page:" + page.id().name())),
                    0, 0, List.of(), List.of(), List.of(), List.of());
        }
        BlankVerdict blank = blankDetector.assess(grey, page.dpi());
        if (blank.blank()) {
            return new PageFindings(page.id(), PageKind.BLANK, null, 0, 0, List.of(), List.of(), List.of(),
                    List.of(blank.reason()));
        }
        List<Barcode> found = barcodes.read(grey);
        for (Barcode b : found) {
            if (separators.isSeparator(b)) {
                return new PageFindings(page.id(), PageKind.SEPARATOR, null, 0, 0, List.of(), found, List.of(),
                        List.of("separator sheet (" + b.format() + " '" + b.text() + "')"));
            }
        }
        OrientationDetector.Orientation turn = orientation.detect(grey);
        int rotation = turn.clockwiseDegrees();
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
        boolean textRead = false;
        if (ids.isEmpty() && readings.isEmpty() && pageText != null) {
            // No label: before taking this page for a continuation page, look for identifiers printed in its
            // text (a letter's "Re:" line, a label that could not be located). Without this a first page with
            // no label would be filed with the previous patient's document.
            readings = new ArrayList<>();
            addPageText(upright, page.dpi(), ids, readings, notes);
            textRead = true;
        }
        MatchDecision decision = policy.decide(new PageEvidence(ids, readings, 0));
        if (decision instanceof MatchDecision.NeedsReview && notes.isEmpty() && chooser != null) {
            // ADR 0013: the first reading left the page short of evidence. Look harder at its labels, then at
            // its text; each step only adds evidence, and the policy decides again on everything read.
            List<LabelHypotheses> hypotheses = reread(upright, hints, notes);
            if (!hypotheses.isEmpty()) {
                readings = chooser.choose(identifiers(found, List.of()), readings, hypotheses);
                ids = identifiers(found, readings);
                decision = policy.decide(new PageEvidence(ids, readings, 0));
            }
            if (decision instanceof MatchDecision.NeedsReview && notes.isEmpty() && pageText != null && !textRead) {
                // the labels are left out: what they say was read above, from the label crops
                List<Rectangle> labelRegions = new ArrayList<>();
                hypotheses.forEach(h -> labelRegions.add(h.region()));
                readings.stream().filter(r -> r.region() != null).forEach(r -> labelRegions.add(r.region()));
                readings = new ArrayList<>(readings);
                addPageText(paintedWhite(upright, labelRegions, Math.max(2, page.dpi() / 25)), page.dpi(),
                        ids, readings, notes);
                decision = policy.decide(new PageEvidence(ids, readings, 0));
            }
        }
        if (decision instanceof MatchDecision.NoIdentity && chooser != null) {
            String doubt = unreadIdentity(upright, hints, turn);
            if (doubt != null) {
                // not taken for a continuation page: it may be the first page of someone else's document
                decision = new MatchDecision.NeedsReview(null, 0, List.of(doubt + ": a person must check who the page "
                        + "belongs to; the pages after it are not filed to the patient before it"),
                        java.util.Set.of("unread:" + page.id().name()));
            }
        }
        if (blank.uncertain() && decision instanceof MatchDecision.NoIdentity) {
            // never left out, never filed unseen: kept in its document for a person to look at
            decision = new MatchDecision.NeedsReview(null, 0, List.of("the page looks " + blank.reason()
                    + ": a person must check whether it is a blank back or a faint page"), java.util.Set.of());
        }
        if (!notes.isEmpty()) {
            List<String> reasons = new ArrayList<>(notes);
            reasons.addAll(decision.reasons());
            decision = new MatchDecision.NeedsReview(null, 0, List.copyOf(reasons),
                    decision.identityKeys().isEmpty() ? java.util.Set.of("unidentified") : decision.identityKeys());
        }
        return new PageFindings(page.id(), PageKind.CONTENT, decision, rotation, skewDegrees, List.copyOf(transforms),
                found, readings, List.of());
    }

    /**
     * Why a page that identifies nobody may still carry an identity nobody could read, or null: a place that
     * looks like a label (a box, a barcode) on the page upright or turned a quarter (its orientation may be
     * wrong), or an orientation that could not be told.
     */
    private String unreadIdentity(BufferedImage upright, List<Rectangle> hints, OrientationDetector.Orientation turn) {
        if (!labels.locate(upright, hints).isEmpty()) {
            return "a label or barcode is on the page but nothing on it could be read";
        }
        if (!labels.locate(ImageOps.rotateQuadrant(upright, 90), List.of()).isEmpty()) {
            return "a label or barcode lies across the page as it was turned, and nothing on it could be read";
        }
        if (turn.uncertain()) {
            return "which way up the page is could not be told (" + turn.evidence() + ")";
        }
        return null;
    }

    /** The labels read again, harder (ADR 0013): what each look read; empty when there is no label to read. */
    private List<LabelHypotheses> reread(BufferedImage upright, List<Rectangle> hints, List<String> notes) {
        try {
            return labels.reread(upright, hints);
        } catch (OcrException e) {
            notes.add("label OCR failed on a second reading: " + e.getMessage());
            return List.of();
        }
    }

    /** Identifiers and dates of birth printed in the page's text (outside or inside labels), added to the evidence. */
    private void addPageText(BufferedImage upright, int dpi, List<IdentifierRead> ids, List<LabelReading> readings,
                             List<String> notes) {
        try {
            // half resolution: letter text stays legible to Tesseract at 150 dpi and it reads 3-4x faster
            int factor = dpi >= 250 ? 2 : 1;
            OcrText text = pageText.recognise(ImageOps.downscale(upright, factor), null);
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

    /** A grey copy of the page with the regions (grown by {@code margin} pixels) painted white. */
    static BufferedImage paintedWhite(BufferedImage grey, List<Rectangle> regions, int margin) {
        BufferedImage copy = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(grey, 0, 0, null);
            g.setColor(java.awt.Color.WHITE);
            for (Rectangle r : regions) {
                if (r != null) {
                    g.fillRect(r.x - margin, r.y - margin, r.width + 2 * margin, r.height + 2 * margin);
                }
            }
        } finally {
            g.dispose();
        }
        return copy;
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
