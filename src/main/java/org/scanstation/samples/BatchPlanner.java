package org.scanstation.samples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.scanstation.model.Patient;
import org.scanstation.samples.LabelLayout.BarcodeContent;
import org.scanstation.samples.LabelLayout.Symbology;
import org.scanstation.samples.PagePlan.DocStyle;
import org.scanstation.samples.PagePlan.Kind;

/**
 * Decides the sequence of pages of a batch: documents of one to six pages per patient, separator
 * sheets, blank back sides and trap documents, with the truth each page carries.
 */
final class BatchPlanner {

    static final String TWO_PATIENTS = "two_patients";
    static final String LABEL_CONFLICT = "label_conflict";
    static final String BAD_CHECK_DIGIT = "bad_check_digit";
    static final String NOT_IN_INDEX = "not_in_index";
    static final String DAMAGED_BARCODE = "damaged_barcode";

    private final GeneratorSettings settings;
    private final SyntheticPopulation population;
    private final List<LabelLayout> layouts;
    private final Random rnd;
    private final List<PagePlan> plans = new ArrayList<>();
    private int document = -1;
    private int trapCursor;
    private Patient lastPatient;

    BatchPlanner(GeneratorSettings settings, SyntheticPopulation population, List<LabelLayout> layouts) {
        this.settings = settings;
        this.population = population;
        this.layouts = layouts;
        this.rnd = new Random(settings.seed() * 0x9E3779B97F4A7C15L + 11);
    }

    List<PagePlan> plan() {
        String[] trapOrder = {TWO_PATIENTS, LABEL_CONFLICT, BAD_CHECK_DIGIT, NOT_IN_INDEX, DAMAGED_BARCODE};
        trapCursor = rnd.nextInt(trapOrder.length);
        int firstTrap = trapCursor;
        while (plans.size() < settings.pages()) {
            boolean lastWasSeparator = !plans.isEmpty() && plans.get(plans.size() - 1).kind == Kind.SEPARATOR;
            if (!lastWasSeparator && rnd.nextDouble() < (plans.isEmpty() ? 0.3 : 0.35)) {
                plans.add(separator());
                continue;
            }
            document++;
            boolean trapDue = trapCursor == firstTrap && plans.size() >= settings.pages() * 0.25;
            if (settings.traps() && plans.size() > 0 && (trapDue || rnd.nextDouble() < 0.28)) {
                String trap = trapOrder[trapCursor++ % trapOrder.length];
                planTrapDocument(trap);
            } else {
                planNormalDocument(freshPatient(), null);
            }
        }
        List<PagePlan> out = new ArrayList<>(plans.subList(0, settings.pages()));
        for (PagePlan p : out) {
            p.renderSeed = rnd.nextLong();
        }
        return out;
    }

    /** A patient other than the previous document's, so that two documents never run together unnoticed. */
    private Patient freshPatient() {
        Patient p;
        do {
            p = population.pickPreferringLookAlikes();
        } while (p == lastPatient);
        lastPatient = p;
        return p;
    }

    private void planNormalDocument(Patient patient, LabelSpec firstLabel) {
        LabelLayout layout = firstLabel != null ? firstLabel.layout() : pickLayout(false);
        int n = pageCount();
        DocStyle style = docStyle();
        for (int i = 0; i < n; i++) {
            PagePlan p = contentPage(style, i, n, "matched", patient.nhsNumber().digits(), null);
            if (i == 0) {
                if (firstLabel != null) {
                    p.labels.add(firstLabel);
                    p.level = Math.min(p.level, 1);
                } else if (rnd.nextDouble() < 0.85 || !style.title().contains("Letter")) {
                    p.labels.add(label(layout, LabelContent.of(patient, layout), position()));
                }
                if (style.title().contains("Letter") && (p.labels.isEmpty() || rnd.nextDouble() < 0.5)) {
                    p.idLine = IdLines.reLine(LabelContent.of(patient, layout), rnd);
                }
            } else {
                if (rnd.nextDouble() < 0.3) {
                    LabelLayout l = rnd.nextDouble() < 0.8 ? layout : pickLayout(false);
                    p.labels.add(label(l, LabelContent.of(patient, l), position()));
                }
                if (rnd.nextDouble() < 0.15) {
                    p.idLine = IdLines.runningHeader(LabelContent.of(patient, layout), rnd);
                }
            }
            addWithBackSide(p);
        }
    }

    private void planTrapDocument(String trap) {
        Patient a = freshPatient();
        if (trap.equals(DAMAGED_BARCODE)) {
            LabelLayout l = pickLayout(true);
            if (l == null) {
                planNormalDocument(a, null);
                return;
            }
            LabelSpec spec = label(l, LabelContent.of(a, l).withDamagedBarcode(), position());
            int start = plans.size();
            planNormalDocument(a, spec);
            plans.stream().skip(start).filter(p -> p.kind == Kind.PAGE).findFirst().ifPresent(p -> p.trap = DAMAGED_BARCODE);
            return;
        }
        LabelLayout layout = pickLayout(!trap.equals(TWO_PATIENTS) && !trap.equals(NOT_IN_INDEX));
        if (layout == null) {
            trap = TWO_PATIENTS;
            layout = pickLayout(false);
        }
        Patient printed = a;
        String truthNhs = null;
        List<LabelSpec> firstLabels = new ArrayList<>();
        switch (trap) {
            case TWO_PATIENTS -> {
                Patient b = population.other(a);
                LabelLayout lb = rnd.nextBoolean() ? layout : pickLayout(false);
                LabelPosition pa = rnd.nextBoolean() ? LabelPosition.TOP_LEFT : LabelPosition.TOP_RIGHT;
                LabelPosition pb = rnd.nextBoolean() ? LabelPosition.LOWER_RIGHT
                        : (pa == LabelPosition.TOP_LEFT ? LabelPosition.TOP_RIGHT : LabelPosition.TOP_LEFT);
                firstLabels.add(label(layout, LabelContent.of(a, layout), pa));
                firstLabels.add(label(lb, LabelContent.of(b, lb), pb));
            }
            case LABEL_CONFLICT -> {
                Patient b = population.other(a);
                String payload = LabelContent.payload(layout.content(), b, b.nhsNumber().digits());
                firstLabels.add(label(layout, LabelContent.printedFor(a, a.nhsNumber().digits(), payload), position()));
            }
            case BAD_CHECK_DIGIT -> {
                String bad = TestRangeNhsNumbers.corrupted(a.nhsNumber().digits(), rnd);
                BarcodeContent c = layout.content() == BarcodeContent.MRN ? BarcodeContent.NHS : layout.content();
                firstLabels.add(label(layout, LabelContent.printedFor(a, bad, LabelContent.payload(c, a, bad)),
                        position()));
            }
            case NOT_IN_INDEX -> {
                printed = population.outsider();
                truthNhs = printed.nhsNumber().digits();
                firstLabels.add(label(layout, LabelContent.of(printed, layout), position()));
            }
            default -> throw new IllegalStateException(trap);
        }
        int n = Math.min(pageCount(), 4);
        DocStyle style = docStyle();
        for (int i = 0; i < n; i++) {
            PagePlan p = contentPage(style, i, n, "review", truthNhs, trap);
            if (i == 0) {
                p.labels.addAll(firstLabels);
                if (style.title().contains("Letter") && rnd.nextDouble() < 0.4) {
                    p.idLine = IdLines.reLine(firstLabels.get(0).content(), rnd);
                }
            } else if (rnd.nextDouble() < 0.25) {
                LabelSpec first = firstLabels.get(0);
                p.labels.add(label(first.layout(), first.content(), position()));
            }
            addWithBackSide(p);
        }
    }

    private PagePlan contentPage(DocStyle style, int i, int n, String expect, String nhs, String trap) {
        PagePlan p = new PagePlan();
        p.kind = Kind.PAGE;
        p.expect = expect;
        p.truthNhs = nhs;
        p.document = document;
        p.trap = trap;
        p.style = style;
        p.pageInDoc = i;
        p.pagesInDoc = n;
        p.level = level();
        p.rotation = rotation();
        p.format = format();
        p.skew = skew(p.level);
        p.punchHoles = rnd.nextDouble() < 0.15;
        return p;
    }

    private void addWithBackSide(PagePlan page) {
        plans.add(page);
        if (rnd.nextDouble() < 0.12) {
            PagePlan b = new PagePlan();
            b.kind = Kind.BLANK;
            b.expect = "blank";
            b.document = document;
            b.level = Math.min(level(), 1);
            b.format = format();
            b.skew = skew(b.level);
            b.showThrough = rnd.nextDouble() < 0.6;
            b.punchHoles = page.punchHoles;
            b.style = page.style;
            plans.add(b);
        }
    }

    private PagePlan separator() {
        PagePlan p = new PagePlan();
        p.kind = Kind.SEPARATOR;
        p.expect = "separator";
        p.level = Math.min(level(), 2);
        p.format = format();
        p.skew = skew(p.level);
        p.rotation = rnd.nextDouble() < 0.12 ? 180 : 0;
        double r = rnd.nextDouble();
        p.separator = r < 0.45 ? PagePlan.SeparatorStyle.CODE_128
                : r < 0.8 ? PagePlan.SeparatorStyle.CODE_39 : PagePlan.SeparatorStyle.PATCH_T;
        return p;
    }

    private DocStyle docStyle() {
        String title = ClinicalText.pick(rnd, ClinicalText.TITLES);
        boolean results = rnd.nextDouble() < 0.2;
        return new DocStyle(ClinicalText.pick(rnd, ClinicalText.HOSPITALS), ClinicalText.pick(rnd, ClinicalText.DEPARTMENTS),
                ClinicalText.pick(rnd, ClinicalText.CLINICIANS), results ? "Laboratory Results" : title,
                rnd.nextBoolean() ? LabelLayout.TypeFace.SANS : LabelLayout.TypeFace.SERIF, results);
    }

    /** A layout; with {@code needsBarcode}, one that has a barcode (null when none has). */
    private LabelLayout pickLayout(boolean needsBarcode) {
        List<LabelLayout> pool = needsBarcode
                ? layouts.stream().filter(l -> l.symbology() != Symbology.NONE).toList() : layouts;
        return pool.isEmpty() ? null : pool.get(rnd.nextInt(pool.size()));
    }

    /** A label as a clerk sticks it: usually straight on white stock, sometimes crooked or on tinted stock. */
    private LabelSpec label(LabelLayout layout, LabelContent content, LabelPosition position) {
        double tilt = rnd.nextDouble() < 0.35 ? Math.round((rnd.nextDouble() * 5 - 2.5) * 10) / 10.0 : 0;
        int tone = rnd.nextDouble() < 0.2 ? 232 + rnd.nextInt(18) : 255;
        return new LabelSpec(layout, content, position, tilt, tone);
    }

    private LabelPosition position() {
        double r = rnd.nextDouble();
        return r < 0.5 ? LabelPosition.TOP_LEFT : r < 0.8 ? LabelPosition.TOP_RIGHT : LabelPosition.LOWER_RIGHT;
    }

    private int pageCount() {
        int[] weights = {30, 25, 18, 12, 9, 6};
        int r = rnd.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return 1;
    }

    private int level() {
        int[] weights = {35, 35, 20, 10};
        int r = rnd.nextInt(100);
        int l = 0;
        while (r >= weights[l]) {
            r -= weights[l];
            l++;
        }
        return Math.min(l, settings.maxLevel());
    }

    private int rotation() {
        double r = rnd.nextDouble();
        return r < 0.76 ? 0 : r < 0.88 ? 180 : r < 0.94 ? 90 : 270;
    }

    private double skew(int level) {
        double max = level == 0 ? 1.0 : level == 1 ? 2.0 : 4.0;
        return Math.round((rnd.nextDouble() * 2 - 1) * max * 100) / 100.0;
    }

    private PageFormat format() {
        List<PageFormat> allowed = new ArrayList<>();
        for (PageFormat f : PageFormat.values()) {
            if (settings.formats().contains(f)) {
                allowed.add(f);
            }
        }
        if (allowed.size() == 1) {
            return allowed.get(0);
        }
        double r = rnd.nextDouble();
        PageFormat wanted = r < 0.68 ? PageFormat.JPG : r < 0.8 ? PageFormat.PNG : PageFormat.TIF;
        return allowed.contains(wanted) ? wanted : allowed.get(rnd.nextInt(allowed.size()));
    }
}
