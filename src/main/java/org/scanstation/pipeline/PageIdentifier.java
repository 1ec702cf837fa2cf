package org.scanstation.pipeline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.scanstation.barcode.Barcode;
import org.scanstation.barcode.BarcodePayload;
import org.scanstation.image.BlankVerdict;
import org.scanstation.image.ImageOps;
import org.scanstation.image.OrientationDetector;
import org.scanstation.match.IdentifierRead;
import org.scanstation.match.MatchDecision;
import org.scanstation.match.MatchPolicy;
import org.scanstation.match.PageEvidence;
import org.scanstation.match.PatientIndex;
import org.scanstation.model.HospitalNumberFormat;
import org.scanstation.ocr.LabelHypotheses;
import org.scanstation.ocr.LabelReader;
import org.scanstation.ocr.LabelReading;
import org.scanstation.ocr.LabelsFound;
import org.scanstation.ocr.OcrException;
import org.scanstation.ocr.OcrText;
import org.scanstation.ocr.PageTextIdentifiers;
import org.scanstation.ocr.LaidOutText;
import org.scanstation.ocr.PageTextLook;

/**
 * Who an upright page belongs to: its labels read (OCR of the label crops), its barcodes' identifiers,
 * and the identifiers printed in its text outside those labels ({@link PageTextLook}); the match policy
 * decides on all of it (ADR 0002). With the
 * patient index (ADR 0013), a page the first reading leaves short of evidence is read harder (its labels,
 * then its text), a page identified by its barcode alone while a label beside it could not be read is
 * reviewed, and a page that identifies nobody is taken for a continuation page only when nothing
 * suggests an identity that could not be read. Thread-safe when its parts are.
 */
final class PageIdentifier {

    /** A page whose text gave fewer legible letters and digits than this was not read: it cannot be called label-free. */
    static final int MIN_LEGIBLE_CHARACTERS = PageTextLook.MIN_LEGIBLE_CHARACTERS;
    /** Legible letters and digits that show a page whose orientation the geometry left unclear was turned right. */
    static final int LEGIBLE_WHEN_TURNED_RIGHT = 150;

    /**
     * The decision and what was read.
     *
     * @param pageText the page's text outside its labels laid out as a page (the PDF text layer's recipe), as it
     *                 was read to look for identifiers; null when it was not read
     */
    record Identification(MatchDecision decision, List<LabelReading> readings, LaidOutText pageText) {
    }

    private final LabelReader labels;
    private final HospitalNumberFormat mrnFormat;
    private final MatchPolicy policy;
    private final PageTextLook pageText;
    private final LabelHypothesisChooser chooser;

    /** @param index with it, the harder reading and the doubts of ADR 0013; null for the first reading only */
    PageIdentifier(LabelReader labels, HospitalNumberFormat mrnFormat, MatchPolicy policy, PageTextLook pageText,
                   PatientIndex index) {
        this.labels = labels;
        this.mrnFormat = mrnFormat;
        this.policy = policy;
        this.pageText = pageText;
        this.chooser = index == null ? null : new LabelHypothesisChooser(index);
    }

    /**
     * @param pageName the page's name (its identity key when it identifies nobody but may carry an unread label)
     * @param bilevel  whether the page was scanned bilevel
     * @param hints where 2D barcodes are on the upright page (labels carry them)
     * @param found every barcode decoded on the page
     * @param turn  how the page was turned upright, with how sure that is
     * @param blank the blank check's verdict (an uncertain one is never filed unseen)
     */
    Identification identify(String pageName, BufferedImage upright, int dpi, boolean bilevel, List<Rectangle> hints,
                            List<Barcode> found, OrientationDetector.Orientation turn, BlankVerdict blank) {
        List<LabelReading> readings;
        List<Rectangle> located;
        List<String> notes = new ArrayList<>();
        try {
            LabelsFound labelsFound = labels.readAll(upright, hints);
            readings = labelsFound.readings();
            located = labelsFound.located();
        } catch (OcrException e) {
            readings = List.of();
            located = List.of();
            notes.add("label OCR failed: " + e.getMessage());
        }
        // The page's text outside the labels read: identifiers printed anywhere else on it (a letter's "Re:" line,
        // a second patient's label printed without a box, a label the locator could not find). Without it a first
        // page with no label would be filed with the previous patient's document, and a second patient's unboxed
        // label beside the first one would go unseen.
        PageText text = readPageText(upright, dpi, bilevel, readings, notes);
        List<IdentifierRead> ids = identifiers(found, readings);
        MatchDecision decision = decide(ids, readings, text);
        boolean unreadLabel = chooser != null && decision instanceof MatchDecision.Matched && onlyBarcodes(ids, readings)
                && !located.isEmpty();
        if ((decision instanceof MatchDecision.NeedsReview || unreadLabel) && notes.isEmpty() && chooser != null
                && chooser.worthRereading(ids, readings)) {
            // ADR 0013: the first reading left the page short of evidence. Look harder at its labels; this only
            // adds evidence, and the policy decides again on everything read.
            List<LabelHypotheses> hypotheses = reread(upright, hints, notes);
            if (!hypotheses.isEmpty()) {
                readings = chooser.choose(identifiers(found, List.of()), readings, hypotheses);
                ids = identifiers(found, readings);
                decision = decide(ids, readings, text);
            }
        }
        if (unreadLabel && decision instanceof MatchDecision.Matched m && onlyBarcodes(withPageText(ids, text), readings)) {
            // a barcode of one patient stuck beside a printed label of another is caught only by reading the label
            // (or by print elsewhere on the page that names the barcode's patient too)
            List<String> reasons = new ArrayList<>();
            reasons.add("only the barcode was read: the printed label beside it could not be read to check that it"
                    + " names the same patient");
            reasons.addAll(m.reasons());
            decision = new MatchDecision.NeedsReview(m.patient(), 0.6, List.copyOf(reasons), m.identityKeys());
        }
        if (decision instanceof MatchDecision.NoIdentity && chooser != null) {
            String doubt = unreadIdentity(upright, located, turn, text);
            if (doubt != null) {
                // not taken for a continuation page: it may be the first page of someone else's document
                decision = new MatchDecision.NeedsReview(null, 0, List.of(doubt + ": a person must check who the page "
                        + "belongs to; the pages after it are not filed to the patient before it"),
                        Set.of("unread:" + pageName));
            }
        }
        if (blank.uncertain() && decision instanceof MatchDecision.NoIdentity) {
            // never left out, never filed unseen: kept in its document for a person to look at
            decision = new MatchDecision.NeedsReview(null, 0, List.of("the page looks " + blank.reason()
                    + ": a person must check whether it is a blank back or a faint page"), Set.of());
        }
        if (!notes.isEmpty()) {
            List<String> reasons = new ArrayList<>(notes);
            reasons.addAll(decision.reasons());
            decision = new MatchDecision.NeedsReview(null, 0, List.copyOf(reasons),
                    decision.identityKeys().isEmpty() ? Set.of("unidentified") : decision.identityKeys());
        }
        List<LabelReading> all = new ArrayList<>(readings);
        if (text != null) {
            all.addAll(text.birthDates());
        }
        return new Identification(decision, List.copyOf(all), text == null ? null : text.laidOut());
    }

    /**
     * What the page's text outside its labels gave: identifiers, dates of birth (as readings with no region),
     * how much of it was legible, and the laid-out reading the PDF's text layer takes.
     */
    private record PageText(List<IdentifierRead> identifiers, List<LabelReading> birthDates, int legibleCharacters,
                            LaidOutText laidOut, boolean mayHideALabelAcross) {
    }

    /** The page read outside the labels read from their crops; null without a page-text engine or when OCR failed (noted). */
    private PageText readPageText(BufferedImage upright, int dpi, boolean bilevel, List<LabelReading> readings,
                                  List<String> notes) {
        if (pageText == null) {
            return null;
        }
        List<Rectangle> readAlready = readings.stream().filter(LabelReading::readFromItsCrop)
                .map(r -> r.readArea(dpi)).toList();
        try {
            PageTextLook.Reading read = pageText.read(upright, dpi, bilevel, readAlready);
            List<IdentifierRead> ids = new ArrayList<>();
            List<LabelReading> dates = new ArrayList<>();
            for (OcrText t : read.texts()) {
                addIdentifiers(t, ids, dates);
            }
            return new PageText(List.copyOf(ids), List.copyOf(dates), read.legibleCharacters(), read.layout(),
                    read.mayHideALabelAcross());
        } catch (OcrException e) {
            notes.add("page text OCR failed: " + e.getMessage());
            return null;
        }
    }

    /** The policy on the labels' and barcodes' evidence with the page text's. */
    private MatchDecision decide(List<IdentifierRead> ids, List<LabelReading> readings, PageText text) {
        if (text == null) {
            return policy.decide(new PageEvidence(ids, readings, 0));
        }
        List<LabelReading> allReadings = new ArrayList<>(readings);
        allReadings.addAll(text.birthDates());
        return policy.decide(new PageEvidence(withPageText(ids, text), allReadings, 0));
    }

    private static List<IdentifierRead> withPageText(List<IdentifierRead> ids, PageText text) {
        if (text == null) {
            return ids;
        }
        List<IdentifierRead> all = new ArrayList<>(ids);
        all.addAll(text.identifiers());
        return all;
    }

    /** True when every piece of evidence came from barcodes: nothing printed (label or page text) was read. */
    static boolean onlyBarcodes(List<IdentifierRead> ids, List<LabelReading> readings) {
        return !ids.isEmpty() && ids.stream().allMatch(id -> id.source() == IdentifierRead.Source.BARCODE)
                && readings.stream().noneMatch(r -> r.hasIdentifier() || r.hasDemographics());
    }

    /**
     * Why a page that identifies nobody may still carry an identity nobody could read, or null: a place that
     * looks like a label (a box, a barcode) on the page upright or turned a quarter (its orientation may be
     * wrong), an orientation that could not be told (unless the page's text read well the way it was turned),
     * or text that could not be read.
     */
    private String unreadIdentity(BufferedImage upright, List<Rectangle> located, OrientationDetector.Orientation turn,
                                  PageText text) {
        if (!located.isEmpty()) {
            return "a label or barcode is on the page but nothing on it could be read";
        }
        Integer legible = text == null ? null : text.legibleCharacters();
        // looked for across the page only where the page's text left label-sized print unread (a box's rules, a
        // barcode's bars, text turned a quarter): elsewhere every piece of print was read as text
        if ((text == null || text.mayHideALabelAcross())
                && !labels.locate(ImageOps.rotateQuadrant(upright, 90), List.of()).isEmpty()) {
            return "a label or barcode lies across the page as it was turned, and nothing on it could be read";
        }
        if (turn.uncertain() && (legible == null || legible < LEGIBLE_WHEN_TURNED_RIGHT)) {
            // the text read well the way the page was turned is the proof that it was turned right
            return "which way up the page is could not be told (" + turn.evidence() + ")";
        }
        if (legible != null && legible < MIN_LEGIBLE_CHARACTERS) {
            return "the page's text could not be read (a faint or damaged scan), so a label on it may have been missed";
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

    /** Identifiers and dates of birth printed in a text read from the page, added to the evidence. */
    private void addIdentifiers(OcrText text, List<IdentifierRead> ids, List<LabelReading> readings) {
        PageTextIdentifiers body = PageTextIdentifiers.read(text.text(), mrnFormat, LocalDate.now());
        for (String nhs : body.nhsDigits()) {
            IdentifierRead read = new IdentifierRead(IdentifierRead.Kind.NHS_NUMBER, nhs, IdentifierRead.Source.PAGE_TEXT, -1);
            if (!ids.contains(read)) {
                ids.add(read);
            }
        }
        for (String mrn : body.mrns()) {
            IdentifierRead read = new IdentifierRead(IdentifierRead.Kind.HOSPITAL_NUMBER, mrn, IdentifierRead.Source.PAGE_TEXT, -1);
            if (!ids.contains(read)) {
                ids.add(read);
            }
        }
        for (LocalDate dob : body.birthDates()) {
            if (readings.stream().noneMatch(r -> dob.equals(r.dateOfBirth()))) {
                readings.add(new LabelReading(null, "", null, null, dob, null, null, text.meanConfidence()));
            }
        }
    }

    List<IdentifierRead> identifiers(List<Barcode> found, List<LabelReading> readings) {
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
