package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One record of a batch journal (JSON inside an encrypted log record). A flat shape with nullable
 * fields keeps the format easy to read back across versions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalEntry(String type, String at, Integer document, Integer page, DocumentState state, String file,
                    String sha256, Long size, String mediaType, String source, String nhsNumber, String title,
                    List<Integer> pages, String detail, String edmsObjectId, Map<String, String> info) {

    static final String BATCH_CREATED = "batch-created";
    static final String PAGE = "page";
    static final String DECISIONS = "decisions";
    static final String DOCUMENT = "document";
    static final String PDF = "pdf";
    static final String STATE = "state";
    static final String SEALED = "sealed";
    static final String ANALYSIS_COMPLETE = "analysis-complete";
    static final String BATCH_PURGED = "batch-purged";
    static final String REFILED = "refiled";
    static final String PAGE_REMOVED = "page-removed";

    static JournalEntry of(String type, String at) {
        return new JournalEntry(type, at, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }
}
