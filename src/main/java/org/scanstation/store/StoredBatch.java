package org.scanstation.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One batch in the {@link BatchStore}: its page images, decisions and PDFs (each an encrypted file
 * written atomically) and its journal. Every change first writes its file, then appends a journal
 * record (fsync'd), then the audit event, so after a crash the journal never points at a file that
 * is not complete. All methods are thread-safe.
 */
public final class StoredBatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DocumentState, Set<DocumentState>> ALLOWED = Map.of(
            DocumentState.SCANNED, EnumSet.of(DocumentState.ANALYSED, DocumentState.HELD),
            DocumentState.ANALYSED, EnumSet.of(DocumentState.EXPORTED, DocumentState.HELD, DocumentState.FAILED),
            DocumentState.EXPORTED, EnumSet.of(DocumentState.EXPORTED, DocumentState.QUEUED, DocumentState.HELD,
                    DocumentState.FAILED),
            DocumentState.QUEUED, EnumSet.of(DocumentState.UPLOADED, DocumentState.FAILED, DocumentState.HELD),
            DocumentState.UPLOADED, EnumSet.of(DocumentState.VERIFIED, DocumentState.FAILED),
            DocumentState.VERIFIED, EnumSet.of(DocumentState.PURGED),
            DocumentState.PURGED, EnumSet.noneOf(DocumentState.class),
            DocumentState.FAILED, EnumSet.of(DocumentState.QUEUED, DocumentState.HELD, DocumentState.EXPORTED),
            DocumentState.HELD, EnumSet.of(DocumentState.QUEUED, DocumentState.ANALYSED, DocumentState.EXPORTED));

    private final BatchId id;
    private final String folder;
    private final EncryptedLog journal;
    private final EncryptedFiles files;
    private final AuditTrail audit;
    private final Clock clock;
    private final String actor;

    private BatchInfo info;
    private Instant createdAt;
    private boolean sealed;
    private boolean analysisComplete;
    private boolean batchPurged;
    private String decisionsFile;
    private final TreeMap<Integer, PageRecord> pages = new TreeMap<>();
    private final TreeMap<Integer, DocRecord> documents = new TreeMap<>();

    StoredBatch(BatchId id, EncryptedLog journal, EncryptedFiles files, AuditTrail audit, Clock clock, String actor)
            throws IOException {
        this.id = id;
        this.folder = "batches/" + id.value();
        this.journal = journal;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
        for (byte[] r : journal.records()) {
            apply(JSON.readValue(r, JournalEntry.class));
        }
    }

    /** True when the journal holds the batch's creation record (false: creation never completed). */
    boolean isComplete() {
        return info != null;
    }

    // ---------------------------------------------------------------- reading

    public BatchId id() {
        return id;
    }

    public synchronized BatchInfo info() {
        return info;
    }

    public synchronized Instant createdAt() {
        return createdAt;
    }

    /** True once {@link #markAnalysisComplete()} said every page is stored and every document defined. */
    public synchronized boolean isAnalysisComplete() {
        return analysisComplete;
    }

    /** True once {@link #seal()} said no more documents will be added. */
    public synchronized boolean isSealed() {
        return sealed;
    }

    public synchronized List<StoredPage> pages() {
        List<StoredPage> out = new ArrayList<>();
        for (PageRecord p : pages.values()) {
            out.add(new StoredPage(p.index, p.source, p.mediaType, p.sha256, p.size, p.file == null));
        }
        return out;
    }

    public synchronized List<StoredDocument> documents() {
        List<StoredDocument> out = new ArrayList<>();
        for (DocRecord d : documents.values()) {
            out.add(d.view(id));
        }
        return out;
    }

    public synchronized Optional<StoredDocument> document(int index) {
        DocRecord d = documents.get(index);
        return d == null ? Optional.empty() : Optional.of(d.view(id));
    }

    /** The decrypted page image. */
    public byte[] readPage(int index) throws IOException {
        String file;
        synchronized (this) {
            PageRecord p = pages.get(index);
            if (p == null || p.file == null) {
                throw new IllegalArgumentException("page " + index + " is not in batch " + id + (p == null ? "" : " (purged)"));
            }
            file = p.file;
        }
        return files.read(file);
    }

    /** The decrypted PDF of a document. */
    public byte[] readPdf(int document) throws IOException {
        String file;
        synchronized (this) {
            DocRecord d = doc(document);
            if (d.pdfFile == null) {
                throw new IllegalStateException("document " + document + " of batch " + id + " has no PDF (state "
                        + d.state.json() + ")");
            }
            file = d.pdfFile;
        }
        return files.read(file);
    }

    /** The decisions JSON last stored, if any. */
    public Optional<byte[]> readDecisions() throws IOException {
        String file;
        synchronized (this) {
            file = decisionsFile;
        }
        return file == null ? Optional.empty() : Optional.of(files.read(file));
    }

    // ---------------------------------------------------------------- writing

    /** Stores one page image; returns its index (1-based, in scan order). */
    public synchronized int addPage(byte[] image, String mediaType, String sourceName) throws IOException {
        requireOpen();
        int index = pages.isEmpty() ? 1 : pages.lastKey() + 1;
        String file = String.format("%s/pages/p%05d.enc", folder, index);
        String sha = Sha256.hex(image);
        files.write(file, image);
        JournalEntry e = new JournalEntry(JournalEntry.PAGE, now(), null, index, null, file, sha, (long) image.length,
                mediaType, sourceName, null, null, null, null, null, null);
        record(e);
        audit.pageImage(id, index, sha, image.length, actor);
        return index;
    }

    /** Stores (or replaces) the batch's decisions JSON. */
    public synchronized void putDecisions(byte[] json) throws IOException {
        requireOpen();
        String file = folder + "/decisions.enc";
        files.write(file, json);
        record(new JournalEntry(JournalEntry.DECISIONS, now(), null, null, null, file, Sha256.hex(json),
                (long) json.length, "application/json", null, null, null, null, null, null, null));
    }

    /**
     * Declares a document of the batch, filed to a patient, made of the given pages: state ANALYSED.
     *
     * @param index     the document index within the batch (the analysis contract's {@code document})
     * @param nhsNumber the patient's NHS number (10 digits)
     * @param title     a short description for the EDMS (e.g. "Scanned record"), no free patient text needed
     */
    public synchronized void defineDocument(int index, String nhsNumber, String title, List<Integer> pageIndexes)
            throws IOException {
        requireOpen();
        if (documents.containsKey(index)) {
            throw new IllegalStateException("document " + index + " is already defined in batch " + id);
        }
        if (index < 0) {
            throw new IllegalArgumentException("document index must be 0 or more");
        }
        for (int p : pageIndexes) {
            if (!pages.containsKey(p)) {
                throw new IllegalArgumentException("page " + p + " is not in batch " + id);
            }
        }
        record(new JournalEntry(JournalEntry.DOCUMENT, now(), index, null, DocumentState.ANALYSED, null, null, null,
                null, null, nhsNumber, title, List.copyOf(pageIndexes), null, null, null));
    }

    /** Stores (or, before it is queued, replaces) the document's PDF: state EXPORTED. */
    public synchronized void putPdf(int document, byte[] pdf) throws IOException {
        DocRecord d = doc(document);
        checkTransition(d, DocumentState.EXPORTED);
        String file = String.format("%s/docs/d%05d.enc", folder, document);
        String sha = Sha256.hex(pdf);
        files.write(file, pdf);
        record(new JournalEntry(JournalEntry.PDF, now(), document, null, DocumentState.EXPORTED, file, sha,
                (long) pdf.length, "application/pdf", null, null, null, null, null, null, null));
        audit.pdf(id, document, sha, pdf.length, actor);
    }

    /** Puts an exported document in the upload queue. */
    public void queue(int document) throws IOException {
        changeState(document, DocumentState.QUEUED, null, null);
    }

    /** Records that the EDMS holds the document under {@code edmsObjectId}. */
    public synchronized void markUploaded(int document, String edmsObjectId, boolean foundExisting) throws IOException {
        DocRecord d = doc(document);
        changeState(document, DocumentState.UPLOADED, foundExisting ? "found existing" : "created", edmsObjectId);
        audit.upload(id, document, edmsObjectId, d.pdfSha256, actor, foundExisting);
    }

    /** Records that the EDMS content matched the local PDF. */
    public void markVerified(int document) throws IOException {
        changeState(document, DocumentState.VERIFIED, null, null);
    }

    /** Takes the document out of the queue with a reason a person can act on. */
    public void markFailed(int document, String reason) throws IOException {
        changeState(document, DocumentState.FAILED, reason, null);
    }

    public void hold(int document, String reason) throws IOException {
        changeState(document, DocumentState.HELD, reason, null);
    }

    /** Puts a FAILED or HELD document (with a PDF) back in the queue. */
    public void requeue(int document, String reason) throws IOException {
        synchronized (this) {
            if (doc(document).pdfFile == null) {
                throw new IllegalStateException("document " + document + " has no PDF to upload");
            }
        }
        changeState(document, DocumentState.QUEUED, reason, null);
    }

    /**
     * Deletes the local copy of a verified document (its PDF and page images): state PURGED. When the
     * batch is sealed and every document is purged, the remaining page images and decisions go too.
     */
    public synchronized void purge(int document) throws IOException {
        DocRecord d = doc(document);
        checkTransition(d, DocumentState.PURGED);
        String pdf = d.pdfFile;
        List<String> pageFiles = new ArrayList<>();
        for (int p : d.pages) {
            PageRecord pr = pages.get(p);
            if (pr != null && pr.file != null) {
                pageFiles.add(pr.file);
            }
        }
        // journal first: a crash after it leaves orphan files that recovery deletes
        changeState(document, DocumentState.PURGED, null, null);
        files.delete(pdf);
        for (String f : pageFiles) {
            files.delete(f);
        }
        purgeBatchLeftoversIfDone();
    }

    /** Declares that every page is stored and every document defined (exports may still be missing). */
    public synchronized void markAnalysisComplete() throws IOException {
        if (!analysisComplete) {
            record(JournalEntry.of(JournalEntry.ANALYSIS_COMPLETE, now()));
        }
    }

    /** Declares that no more documents will be added to this batch. */
    public synchronized void seal() throws IOException {
        if (!sealed) {
            record(JournalEntry.of(JournalEntry.SEALED, now()));
            purgeBatchLeftoversIfDone();
        }
    }

    private void purgeBatchLeftoversIfDone() throws IOException {
        if (!sealed || batchPurged || documents.isEmpty()
                || documents.values().stream().anyMatch(d -> d.state != DocumentState.PURGED)) {
            return;
        }
        List<String> leftovers = new ArrayList<>();
        for (PageRecord p : pages.values()) {
            if (p.file != null) {
                leftovers.add(p.file);
            }
        }
        if (decisionsFile != null) {
            leftovers.add(decisionsFile);
        }
        record(JournalEntry.of(JournalEntry.BATCH_PURGED, now()));
        for (String f : leftovers) {
            files.delete(f);
        }
    }

    private synchronized void changeState(int document, DocumentState to, String detail, String objectId)
            throws IOException {
        DocRecord d = doc(document);
        checkTransition(d, to);
        record(new JournalEntry(JournalEntry.STATE, now(), document, null, to, null, null, null, null, null, null,
                null, null, detail, objectId, null));
        if (to != DocumentState.UPLOADED) {
            audit.stateChange(id, document, to, actor, detail, objectId);
        }
    }

    private static void checkTransition(DocRecord d, DocumentState to) {
        if (!ALLOWED.get(d.state).contains(to)) {
            throw new IllegalStateException("document " + d.index + " cannot go from " + d.state.json() + " to "
                    + to.json());
        }
    }

    private DocRecord doc(int index) {
        DocRecord d = documents.get(index);
        if (d == null) {
            throw new IllegalArgumentException("document " + index + " is not in batch " + id);
        }
        return d;
    }

    private void requireOpen() {
        if (sealed) {
            throw new IllegalStateException("batch " + id + " is sealed");
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    void create(BatchInfo batchInfo) throws IOException {
        record(new JournalEntry(JournalEntry.BATCH_CREATED, now(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, Map.of("operator", batchInfo.operator(), "device", batchInfo.device())));
        // settings go to the audit trail (they are long and not needed to resume)
        this.info = batchInfo;
        audit.batchStarted(id, batchInfo);
    }

    private void record(JournalEntry e) throws IOException {
        journal.append(JSON.writeValueAsBytes(e));
        apply(e);
    }

    // ---------------------------------------------------------------- replay

    private void apply(JournalEntry e) {
        Instant at = Instant.parse(e.at());
        switch (e.type()) {
            case JournalEntry.BATCH_CREATED -> {
                Map<String, String> i = e.info() == null ? Map.of() : e.info();
                if (info == null) {
                    info = new BatchInfo(i.get("operator"), i.get("device"), Map.of());
                }
                createdAt = at;
            }
            case JournalEntry.PAGE -> pages.put(e.page(), new PageRecord(e.page(), e.file(), e.source(), e.mediaType(),
                    e.sha256(), e.size() == null ? 0 : e.size()));
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

    /** Store-relative names of every file the journal still refers to. */
    synchronized Set<String> liveFiles() {
        Set<String> live = new java.util.HashSet<>();
        pages.values().stream().filter(p -> p.file != null).forEach(p -> live.add(p.file));
        documents.values().stream().filter(d -> d.pdfFile != null).forEach(d -> live.add(d.pdfFile));
        if (decisionsFile != null) {
            live.add(decisionsFile);
        }
        return live;
    }

    String folder() {
        return folder;
    }

    private static final class PageRecord {
        final int index;
        String file;
        final String source;
        final String mediaType;
        final String sha256;
        final long size;

        PageRecord(int index, String file, String source, String mediaType, String sha256, long size) {
            this.index = index;
            this.file = file;
            this.source = source;
            this.mediaType = mediaType;
            this.sha256 = sha256;
            this.size = size;
        }
    }

    private static final class DocRecord {
        final int index;
        final String nhsNumber;
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
