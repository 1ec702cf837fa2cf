package org.scanstation.match;

import java.util.List;
import java.util.Optional;
import org.scanstation.model.Patient;

/**
 * Where the station looks patients up: the PAS extract imported into an indexed store on disk
 * ({@code match.store}). Look-ups are by identifier only: never match on a name alone.
 */
public interface PatientIndex extends AutoCloseable {

    Optional<Patient> byNhsNumber(String digits);

    Optional<Patient> byHospitalNumber(String mrn);

    /**
     * The merge an identifier was retired by, when it is not a live identifier any more; empty for live
     * and unknown identifiers.
     */
    default Optional<RetiredIdentifier> retired(IdentifierRead.Kind kind, String value) {
        return Optional.empty();
    }

    /** Patients matching a query, ordered by name (NHS number, hospital number, name and/or date of birth). */
    List<Patient> search(PatientQuery query, int limit);

    /** Patients matching what a person typed: see {@link PatientQuery#parse}. */
    default List<Patient> search(String text, int limit) {
        return PatientQuery.parse(text).map(q -> search(q, limit)).orElse(List.of());
    }

    int size();

    /**
     * A view that stays the same while one decision is made, even if a nightly refresh switches the
     * index meanwhile.
     */
    default PatientIndex snapshot() {
        return this;
    }

    @Override
    default void close() {
    }
}
