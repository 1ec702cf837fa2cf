package org.scanstation.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param folder   the export folder
 * @param filed    documents filed without a person, listed in {@code folder/manifest.json}
 * @param review   documents a person must decide, in {@code folder/review/}, listed in its manifest
 * @param pages    scanned pages analysed (blank and separator pages included)
 */
public record ExportReport(Path folder, List<ExportedDocument> filed, List<ExportedDocument> review, int pages) {

    public ExportReport {
        filed = List.copyOf(filed);
        review = List.copyOf(review);
    }

    /** Pages written into PDFs. */
    public int pagesWritten() {
        return filed.stream().mapToInt(ExportedDocument::pageCount).sum()
                + review.stream().mapToInt(ExportedDocument::pageCount).sum();
    }

    public long bytesWritten() {
        return filed.stream().mapToLong(ExportedDocument::bytes).sum()
                + review.stream().mapToLong(ExportedDocument::bytes).sum();
    }
}
