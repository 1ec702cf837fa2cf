package org.scanstation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a batch journal says, rebuilt by replaying its records in order: the batch's pages, documents
 * with their state history, and which files are live. Not thread-safe: {@link StoredBatch} guards it.
 */
final class BatchState {

    BatchInfo info;
    Instant createdAt;
    boolean sealed;
    boolean analysisComplete;
    boolean batchPurged;
    String decisionsFile;
    /** The index the next page gets: indexes are never reused, even after a page is removed. */
    int nextPage = 1;
    final TreeMap<Integer, PageRecord> pages = new TreeMap<>();
    final TreeMap<Integer, DocRecord> documents = new TreeMap<>();
    /** Every file any record named, live or retired since. */
    final Set<String> knownFiles = new java.util.HashSet<>();

    void apply(JournalEntry e) {
        Instant at = Instant.parse(e.at());
        if (e.file() != null) {
            knownFiles.add(e.file());
        }
        switch (e.type()) {
            case JournalEntry.BATCH_CREATED -> {
                Map<String, String> i = e.info() == null ? Map.of() : e.info();
                if (info == null) {
                    info = new BatchInfo(i.get("operator"), i.get("device"), Map.of(), i.get("origin"));
                }
                createdAt = at;
            }
            case JournalEntry.PAGE -> {
                pages.put(e.page(), new PageRecord(e.page(), e.file(), e.source(), e.mediaType(), e.sha256(),
                        e.size() == null ? 0 : e.size(), dpiOf(e)));
                nextPage = Math.max(nextPage, e.page() + 1);
            }
            case JournalEntry.PAGE_REMOVED -> pages.remove(e.page());
            case JournalEntry.DECISIONS -> decisionsFile = e.file();
            case JournalEntry.DOCUMENT -> {
                DocRecord d = new DocRecord(e.document(), e.nhsNumber(), e.title(), e.pages());
                d.enter(DocumentState.ANALYSED, at, null);
                documents.put(d.index, d);
            }
            case JournalEntry.PDF -> {
                DocRecord d = documents.get(e.document());
                d.pdfFile = e.file();
                d.pdfSha256 = e.sha256();
                d.pdfSize = e.size();
                d.enter(DocumentState.EXPORTED, at, null);
            }
            case JournalEntry.STATE -> {
                DocRecord d = documents.get(e.document());
                if (e.edmsObjectId() != null) {
                    d.objectId = e.edmsObjectId();
                }
                if (e.state() == DocumentState.PURGED) {
                    d.pdfFile = null;
                    for (int p : d.pages) {
                        PageRecord pr = pages.get(p);
                        if (pr != null) {
                            pr.file = null;
                        }
                    }
                }
                d.enter(e.state(), at, e.detail());
            }
            case JournalEntry.REFILED -> {
                DocRecord d = documents.get(e.document());
                d.nhsNumber = e.nhsNumber();
            }
            case JournalEntry.SEALED -> sealed = true;
            case JournalEntry.ANALYSIS_COMPLETE -> analysisComplete = true;
            case JournalEntry.BATCH_PURGED -> {
                batchPurged = true;
                decisionsFile = null;
                pages.values().forEach(p -> p.file = null);
            }
            default -> {
                // a record type from a newer version: ignore, keep the rest readable
            }
        }
    }

    private static int dpiOf(JournalEntry e) {
        String dpi = e.info() == null ? null : e.info().get("dpi");
        try {
            return dpi == null ? 0 : Integer.parseInt(dpi);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }

    /** Store-relative names of every file the journal still refers to. */
    Set<String> liveFiles() {
        Set<String> live = new java.util.HashSet<>();
        pages.values().stream().filter(p -> p.file != null).forEach(p -> live.add(p.file));
        documents.values().stream().filter(d -> d.pdfFile != null).forEach(d -> live.add(d.pdfFile));
        if (decisionsFile != null) {
            live.add(decisionsFile);
        }
        return live;
    }

    static final class PageRecord {
        final int index;
        String file;
        final String source;
        final String mediaType;
        final String sha256;
        final long size;
        final int dpi;

        PageRecord(int index, String file, String source, String mediaType, String sha256, long size, int dpi) {
            this.index = index;
            this.file = file;
            this.source = source;
            this.mediaType = mediaType;
            this.sha256 = sha256;
            this.size = size;
            this.dpi = dpi;
        }
    }

    static final class DocRecord {
        final int index;
        String nhsNumber;
        final String title;
        final List<Integer> pages;
        String pdfFile;
        String pdfSha256;
        long pdfSize;
        String objectId;
        DocumentState state = DocumentState.SCANNED;
        final List<StateChange> history = new ArrayList<>();

        DocRecord(int index, String nhsNumber, String title, List<Integer> pages) {
            this.index = index;
            this.nhsNumber = nhsNumber;
            this.title = title;
            this.pages = pages == null ? List.of() : List.copyOf(pages);
        }

        void enter(DocumentState s, Instant at, String detail) {
            state = s;
            history.add(new StateChange(s, at, detail));
        }

        StoredDocument view(BatchId batch) {
            return new StoredDocument(batch, index, nhsNumber, title, pages, pdfSha256, pdfSize, state, objectId,
                    history);
        }
    }
}
