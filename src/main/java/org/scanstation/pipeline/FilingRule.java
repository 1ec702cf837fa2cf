package org.scanstation.pipeline;

import java.util.List;
import java.util.Objects;
import org.scanstation.model.NhsNumber;
import org.scanstation.model.PageStatus;
import org.scanstation.model.Patient;

/**
 * The one rule for "this document may be filed without a person", used by {@code export}, {@code process}
 * and the station alike: every page was matched, all to the same patient, whose NHS number passes its
 * check digit. Anything else is held for review, with the reason in words; the first patient named on
 * the pages is then the candidate shown to the reviewer.
 */
public final class FilingRule {

    private FilingRule() {
    }

    /**
     * @param patient    the patient the document is filed to, or for a held document the candidate (may be null)
     * @param holdReason why a person must decide, or null when the document is filed automatically
     */
    public record Filing(Patient patient, String holdReason) {

        public boolean automatic() {
            return holdReason == null;
        }
    }

    /** Decides one document from its pages, in order. */
    public static Filing decide(List<PageAnalysis> pages) {
        Patient patient = pages.stream().map(PageAnalysis::patient).filter(Objects::nonNull).findFirst().orElse(null);
        if (pages.isEmpty()) {
            return new Filing(patient, "the document has no pages");
        }
        for (PageAnalysis p : pages) {
            if (p.status() != PageStatus.MATCHED) {
                return new Filing(patient, "page " + p.id().name() + " needs review");
            }
        }
        for (PageAnalysis p : pages) {
            if (p.patient() == null || !sameNhsNumber(p.patient(), patient)) {
                return new Filing(patient, "pages of the document are filed to different patients");
            }
        }
        // an NhsNumber is checked when made; checked again here, the rule does not lean on another class
        if (!NhsNumber.hasValidCheckDigit(patient.nhsNumber().digits())) {
            return new Filing(patient, "no valid NHS number");
        }
        return new Filing(patient, null);
    }

    private static boolean sameNhsNumber(Patient a, Patient b) {
        return a.nhsNumber().digits().equals(b.nhsNumber().digits());
    }
}
