package org.scanstation.export;

import java.util.List;
import org.scanstation.model.Patient;
import org.scanstation.pdf.DocumentMetadata;

/**
 * The metadata every document PDF carries, whoever builds it (export folder, store, station): the
 * title, the patient (NHS number, hospital number, name), the batch, station, operator and scan date,
 * the document's index and its source pages.
 */
public final class DocumentMetadataFactory {

    /** The EDMS description of every document, and the start of every PDF title. */
    public static final String TITLE = "Scanned health record";

    private DocumentMetadataFactory() {
    }

    /**
     * @param patient     the patient the document is filed to, or for a held document the candidate (may be null)
     * @param sourcePages the document's pages by source name, in order
     */
    public static DocumentMetadata of(BatchInfo batch, int documentIndex, Patient patient, List<String> sourcePages) {
        return new DocumentMetadata(TITLE + ", document " + (documentIndex + 1) + " of batch " + batch.batchId(),
                patient == null ? null : patient.nhsNumber().digits(),
                patient == null ? null : emptyToNull(patient.mrn()),
                patient == null ? null : patient.displayName(),
                emptyToNull(batch.batchId()), batch.scanDate(), emptyToNull(batch.stationId()),
                emptyToNull(batch.operator()), documentIndex, sourcePages);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
