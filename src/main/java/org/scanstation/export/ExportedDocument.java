package org.scanstation.export;

import java.util.List;
import org.scanstation.model.Patient;

/**
 * One written PDF, as the manifest lists it.
 *
 * @param file    path relative to the export folder (review documents under {@code review/})
 * @param status  {@code matched} or {@code review}
 * @param patient the patient it is filed to (for review: the best candidate), or null
 * @param sources the scanned pages in it, in order
 */
public record ExportedDocument(int document, String file, String status, Patient patient, List<String> sources,
                               int pageCount, String sha256, long bytes) {
}
