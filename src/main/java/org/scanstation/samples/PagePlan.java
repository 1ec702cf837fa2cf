package org.scanstation.samples;

import java.util.ArrayList;
import java.util.List;

/** Everything decided about one page before it is drawn: what truth.json will say and how to render it. */
final class PagePlan {

    enum Kind { PAGE, BLANK, SEPARATOR }

    enum SeparatorStyle { CODE_128, CODE_39, PATCH_T }

    /** Shared look of all pages of one document. */
    record DocStyle(String hospital, String department, String clinician, String title,
                    LabelLayout.TypeFace face, boolean results) {
    }

    Kind kind;
    String expect;
    String truthNhs;
    Integer document;
    String trap;
    int level;
    int rotation;
    PageFormat format;
    double skew;
    long renderSeed;

    DocStyle style;
    int pageInDoc;
    int pagesInDoc;
    final List<LabelSpec> labels = new ArrayList<>();
    /** A printed line naming the patient with DOB and NHS number (a letter's "Re:" line or a running header), or null. */
    String idLine;

    boolean showThrough;
    /** How strongly the front shows through a blank back (0..1); null for the renderer's own random choice. */
    Double showThroughStrength;
    /**
     * For a content page: how faint it is printed, in noise deviations of ink darker than the bilevel
     * threshold (see {@link ScanEffects#faintKeep}); null to let the renderer's faint share decide.
     */
    Double faintMargin;
    boolean punchHoles;
    SeparatorStyle separator;

    boolean labelled() {
        return !labels.isEmpty();
    }
}
