package org.scanstation.match;

import java.util.List;
import java.util.Set;
import org.scanstation.model.Patient;

/** What the match policy concluded for one page, with the evidence in words. */
public sealed interface MatchDecision {

    List<String> reasons();

    double confidence();

    /**
     * Keys for everything on the page that identifies someone: resolved patients by NHS number,
     * and unresolved identifiers as read. Two pages with disjoint keys belong to different documents.
     */
    Set<String> identityKeys();

    /** The evidence agrees: file to {@code patient} without a person looking. */
    record Matched(Patient patient, double confidence, List<String> reasons, Set<String> identityKeys)
            implements MatchDecision {
    }

    /** A person must decide; {@code candidate} is the best guess, or null. */
    record NeedsReview(Patient candidate, double confidence, List<String> reasons, Set<String> identityKeys)
            implements MatchDecision {
    }

    /** Nothing on the page identifies a patient (a continuation page): it follows its document. */
    record NoIdentity(List<String> reasons) implements MatchDecision {
        @Override
        public double confidence() {
            return 0;
        }

        @Override
        public Set<String> identityKeys() {
            return Set.of();
        }
    }
}
