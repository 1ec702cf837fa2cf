package org.scanstation.match;

import java.util.List;
import java.util.Optional;
import org.scanstation.model.Patient;

/**
 * Where the station looks patients up. The CSV export of the patient administration system today;
 * FHIR or an EDMS look-up later. Look-ups are by identifier only: never match on a name alone.
 */
public interface PatientIndex {

    Optional<Patient> byNhsNumber(String digits);

    Optional<Patient> byHospitalNumber(String mrn);

    /** Patients whose name, NHS number or hospital number contains the query (for a supervisor's search). */
    List<Patient> search(String query, int limit);

    int size();
}
