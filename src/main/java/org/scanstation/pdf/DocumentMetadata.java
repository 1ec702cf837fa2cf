package org.scanstation.pdf;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What a clinical document PDF says about itself, written both to the Info dictionary and to XMP.
 * Only {@code title} is required; any other field may be null (or empty) when unknown. The page
 * count is not a field: it is always the number of pages actually written.
 *
 * @param title          document title shown by viewers and the EDMS
 * @param nhsNumber      the patient's NHS number (10 digits)
 * @param hospitalNumber the patient's hospital number (MRN)
 * @param patientName    the patient's name as filed, e.g. "SMITH, Jane"
 * @param batchId        the scan batch the pages came from
 * @param scanDate       when the pages were scanned
 * @param stationId      the scanning station's identifier
 * @param operator       who ran the scan
 * @param documentIndex  index of the document within its batch, or null
 * @param sourcePages    names of the scanned pages in the document, in order (e.g. "0003.jpg"), may be empty
 */
public record DocumentMetadata(String title, String nhsNumber, String hospitalNumber, String patientName,
                               String batchId, ZonedDateTime scanDate, String stationId, String operator,
                               Integer documentIndex, List<String> sourcePages) {

    public DocumentMetadata {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a document needs a title");
        }
        sourcePages = sourcePages == null ? List.of() : List.copyOf(sourcePages);
    }

    /** A document with only a title (tests, ad-hoc exports). */
    public static DocumentMetadata titled(String title) {
        return new DocumentMetadata(title, null, null, null, null, null, null, null, null, List.of());
    }
}
