package org.scanstation.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.scanstation.image.ScannedPage;
import org.scanstation.match.MatchDecision;

/**
 * The rule "a page is blank, a separator or a continuation page only when it rendered cleanly". A page
 * whose drawing had problems (a PDF image that could not be decoded, a form that draws itself, ...) may
 * be missing content, so what was seen on it cannot be trusted to be all there is:
 *
 * <ul>
 *   <li>looking blank, looking like a separator sheet, or showing no patient label, it is a page that was
 *       not analysed ({@link PageKind#UNREADABLE}): review, and it ends the document before it
 *       ({@link DocumentAssembler});</li>
 *   <li>showing a patient label, it needs review, its candidate kept for the supervisor.</li>
 * </ul>
 * The problems are the first reasons given, in words. An image too small to be a page (under 15 mm on a
 * side) is treated the same way: what it shows cannot be judged.
 */
public final class CleanRenderGate implements PageAnalyzer {

    private final PageAnalyzer analyzer;

    public CleanRenderGate(PageAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A page image smaller than this on a side (in mm) is too small to tell whether it is blank. */
    static final double SMALLEST_PAGE_MM = 15;

    @Override
    public PageFindings analyse(ScannedPage page) {
        return gate(page, analyzer.analyse(page));
    }

    /** As {@link #analyse}, keeping what the analysis made on the way; the findings pass the gate. */
    @Override
    public AnalysedPage analyseKeepingImage(ScannedPage page) {
        AnalysedPage a = analyzer.analyseKeepingImage(page);
        PageFindings gated = gate(page, a.findings());
        return gated == a.findings() ? a : new AnalysedPage(a.scan(), gated, a.uprightGrey(), a.pageText());
    }

    private PageFindings gate(ScannedPage page, PageFindings f) {
        String tooSmall = tooSmall(page);
        if (page.renderedCleanly() && tooSmall == null) {
            return f;
        }
        List<String> reasons = new ArrayList<>();
        for (String problem : page.renderProblems()) {
            reasons.add("the page did not render cleanly: " + problem);
        }
        if (tooSmall != null) {
            reasons.add(tooSmall);
        }
        MatchDecision d = f.decision();
        switch (f.kind()) {
            case BLANK -> reasons.add("it looks blank, but content may be missing: check it against the original");
            case SEPARATOR -> reasons.add("it looks like a separator sheet, but content may be missing: check it"
                    + " against the original");
            case UNREADABLE -> reasons.addAll(f.notes());
            case CONTENT -> {
                if (!(d instanceof MatchDecision.NoIdentity)) {
                    reasons.addAll(d.reasons());
                    var candidate = d instanceof MatchDecision.Matched m ? m.patient()
                            : ((MatchDecision.NeedsReview) d).candidate();
                    return new PageFindings(f.id(), PageKind.CONTENT, new MatchDecision.NeedsReview(candidate,
                            d.confidence(), List.copyOf(reasons), d.identityKeys()), f.rotation(), f.skew(),
                            f.transforms(), f.barcodes(), f.labels(), f.notes());
                }
                reasons.add("no patient label was found on what could be drawn");
            }
            default -> throw new IllegalStateException(f.kind().name());
        }
        return new PageFindings(f.id(), PageKind.UNREADABLE, null, f.rotation(), f.skew(), f.transforms(),
                f.barcodes(), f.labels(), List.copyOf(reasons));
    }

    private static String tooSmall(ScannedPage page) {
        double w = page.image().getWidth() * 25.4 / Math.max(1, page.dpi());
        double h = page.image().getHeight() * 25.4 / Math.max(1, page.dpi());
        if (Math.min(w, h) >= SMALLEST_PAGE_MM) {
            return null;
        }
        return String.format("the page image is only %d x %d pixels (%.0f x %.0f mm at %d dpi): too small to be a"
                        + " page or to tell whether it is blank", page.image().getWidth(), page.image().getHeight(), w, h,
                page.dpi());
    }
}
