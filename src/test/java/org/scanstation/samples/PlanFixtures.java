package org.scanstation.samples;

/** Test helper: hand-made page plans. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    /** A clean, upright, unskewed first page of a one-page letter carrying the given labels. */
    static PagePlan page(LabelSpec... labels) {
        PagePlan p = new PagePlan();
        p.kind = PagePlan.Kind.PAGE;
        p.expect = "matched";
        p.document = 0;
        p.level = 0;
        p.rotation = 0;
        p.format = PageFormat.PNG;
        p.skew = 0;
        p.renderSeed = 99;
        p.style = new PagePlan.DocStyle("Riverside General Hospital", "Cardiology", "Nwosu", "Outpatient Clinic Letter",
                LabelLayout.TypeFace.SANS, false);
        p.pageInDoc = 0;
        p.pagesInDoc = 1;
        p.labels.addAll(java.util.List.of(labels));
        return p;
    }
}
