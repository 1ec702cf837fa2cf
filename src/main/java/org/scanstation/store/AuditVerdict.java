package org.scanstation.store;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What {@link AuditVerification} found: the trail's size, how many EDMS anchors it was compared
 * with, every problem with the record it concerns, and notes (limits of the check) in words.
 */
public record AuditVerdict(String store, int records, int anchors, List<Problem> problems, List<String> notes) {

    /** A problem at a record of the trail (its position, from 0), in words without patient data. */
    public record Problem(int record, String words) {
    }

    public AuditVerdict {
        problems = problems.stream().distinct().sorted(Comparator.comparingInt(Problem::record)).toList();
        notes = List.copyOf(notes);
    }

    /** True when nothing is wrong. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /** The problem at the earliest record. */
    public Optional<Problem> firstBadRecord() {
        return problems.stream().findFirst();
    }
}
