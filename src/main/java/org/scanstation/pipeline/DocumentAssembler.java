package org.scanstation.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scanstation.match.MatchDecision;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

/**
 * Places pages, in feeder order, into documents and settles each page's status.
 *
 * <ul>
 *   <li>A separator sheet ends the current document; blank pages are left out.</li>
 *   <li>A page that identifies nobody (a continuation page) belongs to the current document and is
 *       filed with it. With no current document, it needs review.</li>
 *   <li>A page that identifies someone the current document does not start a new document.</li>
 *   <li>A document whose first page needs review holds all its pages for review.</li>
 *   <li>A page that was not analysed (it could not be decoded, went over its time limit, ran out of
 *       memory, or did not render cleanly) may be the first page of a new document: nothing read on
 *       it says otherwise. It ends the document before it and starts a document of its own, held for
 *       review with no patient; the unlabelled pages after it join that held document, until a
 *       labelled page starts a new one. So no page after it is ever filed to the patient before it.</li>
 * </ul>
 * Works page by page (no look-ahead), so a batch of any length needs constant memory.
 */
public final class DocumentAssembler {

    private int sequence;
    private int nextDocument;
    private Current current;

    private static final class Current {
        final int index;
        final Set<String> keys;
        final boolean held;
        final Patient patient;
        final double confidence;
        final String firstPage;
        final boolean startedByUnanalysedPage;

        Current(int index, Set<String> keys, boolean held, Patient patient, double confidence, String firstPage,
                boolean startedByUnanalysedPage) {
            this.index = index;
            this.keys = keys;
            this.held = held;
            this.patient = patient;
            this.confidence = confidence;
            this.firstPage = firstPage;
            this.startedByUnanalysedPage = startedByUnanalysedPage;
        }
    }

    public PageAnalysis accept(PageFindings f) {
        int seq = sequence++;
        return switch (f.kind()) {
            case BLANK -> result(seq, f, PageStatus.BLANK, null, 0, null, f.notes());
            case SEPARATOR -> {
                current = null;
                yield result(seq, f, PageStatus.SEPARATOR, null, 0, null, f.notes());
            }
            case UNREADABLE -> notAnalysed(seq, f);
            case CONTENT -> content(seq, f);
        };
    }

    /** The explicit rule for a page that was not analysed: see the class comment. */
    private PageAnalysis notAnalysed(int seq, PageFindings f) {
        Integer before = current == null ? null : current.index;
        current = new Current(nextDocument++, new LinkedHashSet<>(), true, null, 0, f.id().name(), true);
        List<String> reasons = new ArrayList<>(f.notes());
        reasons.add("a person must check this page: it may be the first page of a new document, so it starts"
                + " a document of its own held for review" + (before == null ? "" : " (not filed with document "
                + before + ")") + ", and the unlabelled pages after it wait with it");
        return result(seq, f, PageStatus.REVIEW, null, 0, current.index, reasons);
    }

    private PageAnalysis content(int seq, PageFindings f) {
        MatchDecision d = f.decision();
        if (d instanceof MatchDecision.NoIdentity) {
            if (current == null) {
                Current doc = startDocument(Set.of(), true, null, 0, f);
                return result(seq, f, PageStatus.REVIEW, null, 0, doc.index,
                        List.of("no patient label on this page and no labelled page before it in this document"));
            }
            List<String> reasons = new ArrayList<>();
            if (current.startedByUnanalysedPage) {
                reasons.add("no patient label on this page: it follows " + current.firstPage
                        + ", which could not be analysed, so it cannot be attributed to the document before it");
                return result(seq, f, PageStatus.REVIEW, null, 0, current.index, reasons);
            }
            reasons.add("no patient label on this page: it follows " + current.firstPage + " in the same document");
            if (current.held) {
                reasons.add("held for review with its document, whose first page needs review");
                return result(seq, f, PageStatus.REVIEW, current.patient, 0, current.index, reasons);
            }
            return result(seq, f, PageStatus.MATCHED, current.patient, current.confidence, current.index, reasons);
        }
        boolean review = d instanceof MatchDecision.NeedsReview;
        Patient patient = d instanceof MatchDecision.Matched m ? m.patient()
                : d instanceof MatchDecision.NeedsReview r ? r.candidate() : null;
        if (current != null && current.keys.containsAll(d.identityKeys())) {
            List<String> reasons = new ArrayList<>(d.reasons());
            if (current.held && !review) {
                reasons.add(0, "held for review with its document, whose first page needs review");
                return result(seq, f, PageStatus.REVIEW, patient, d.confidence(), current.index, reasons);
            }
            return result(seq, f, review ? PageStatus.REVIEW : PageStatus.MATCHED, patient, d.confidence(),
                    current.index, reasons);
        }
        Current doc = startDocument(d.identityKeys(), review, patient, d.confidence(), f);
        return result(seq, f, review ? PageStatus.REVIEW : PageStatus.MATCHED, patient, d.confidence(), doc.index,
                d.reasons());
    }

    private Current startDocument(Set<String> keys, boolean held, Patient patient, double confidence, PageFindings f) {
        current = new Current(nextDocument++, new LinkedHashSet<>(keys), held, patient,
                Math.round(confidence * 0.98 * 100) / 100.0, f.id().name(), false);
        return current;
    }

    private static PageAnalysis result(int seq, PageFindings f, PageStatus status, Patient patient, double confidence,
                                       Integer document, List<String> reasons) {
        return new PageAnalysis(seq, f.id(), status, patient, confidence, f.rotation(), f.skew(), document,
                f.barcodes(), f.labels(), f.transforms(), List.copyOf(reasons));
    }
}
