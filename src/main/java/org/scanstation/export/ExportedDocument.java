package org.scanstation.export;

import java.util.List;
import org.scanstation.model.Patient;

/**
 * One written PDF, as a manifest lists it.
 *
 * @param document  index of the document within its batch (from 0)
 * @param file      file name, relative to the folder of the manifest that lists it (auto-filed documents in
 *                  the export folder, review documents in its {@code review/} folder)
 * @param status    {@code matched} or {@code review}
 * @param patient   the patient it is filed to (for review: the best candidate), or null
 * @param sources   the scanned pages in it, in order
 * @param pageCount pages in the PDF
 * @param sha256    SHA-256 of the file, lower-case hex
 * @param bytes     file size
 */
public record ExportedDocument(int document, String file, String status, Patient patient, List<String> sources,
                               int pageCount, String sha256, long bytes) {

    public ExportedDocument {
        sources = List.copyOf(sources);
    }

    public boolean needsReview() {
        return "review".equals(status);
    }
}
