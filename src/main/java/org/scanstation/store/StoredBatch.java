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

/**
 * One batch in the {@link BatchStore}: its page images, decisions and PDFs (each an encrypted file
 * written atomically) and its journal. Every change first writes its file, then appends a journal
 * record (fsync'd), then the audit event, so after a crash the journal never points at a file that
 * is not complete. All methods are thread-safe.
 */
public final class StoredBatch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<DocumentState, Set<DocumentState>> ALLOWED = Map.ofEntries(
            Map.entry(DocumentState.SCANNED, EnumSet.of(DocumentState.ANALYSED, DocumentState.HELD)),
            Map.entry(DocumentState.ANALYSED,
                    EnumSet.of(DocumentState.EXPORTED, DocumentState.HELD, DocumentState.FAILED)),
            Map.entry(DocumentState.EXPORTED, EnumSet.of(DocumentState.EXPORTED, DocumentState.QUEUED,
                    DocumentState.HELD, DocumentState.FAILED)),
            Map.entry(DocumentState.QUEUED,
                    EnumSet.of(DocumentState.UPLOADED, DocumentState.FAILED, DocumentState.HELD)),
            Map.entry(DocumentState.UPLOADED, EnumSet.of(DocumentState.VERIFIED, DocumentState.FAILED)),
            Map.entry(DocumentState.VERIFIED, EnumSet.of(DocumentState.PURGED)),
            Map.entry(DocumentState.PURGED, EnumSet.noneOf(DocumentState.class)),
            Map.entry(DocumentState.FAILED,
                    EnumSet.of(DocumentState.QUEUED, DocumentState.HELD, DocumentState.EXPORTED)),
            // a supervisor's review ends a HELD document: filed (QUEUED, after EXPORTED) or set aside for good
            Map.entry(DocumentState.HELD, EnumSet.of(DocumentState.QUEUED, DocumentState.ANALYSED,
                    DocumentState.EXPORTED, DocumentState.UNIDENTIFIABLE, DocumentState.RESCAN)),
            Map.entry(DocumentState.UNIDENTIFIABLE, EnumSet.noneOf(DocumentState.class)),
            Map.entry(DocumentState.RESCAN, EnumSet.noneOf(DocumentState.class)));

    private final BatchId id;
    private final String folder;
    private final EncryptedLog journal;
    private final EncryptedFiles files;
    private final AuditTrail audit;
    private final Clock clock;
    private final String actor;

    private final BatchState model = new BatchState();

    StoredBatch(BatchId id, EncryptedLog journal, EncryptedFiles files, AuditTrail audit, Clock clock, String actor)
            throws IOException {
        this.id = id;
        this.folder = "batches/" + id.value();
        this.journal = journal;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.actor = actor;
        List<byte[]> records = journal.records();
        for (int i = 0; i < records.size(); i++) {
            try {
                model.apply(JSON.readValue(records.get(i), JournalEntry.class));
            } catch (IOException | RuntimeException e) {
                // the parser's message may quote the record (patient data): name the record only
                throw new StoreCorruptedException(journal.name(), "record " + i + " does not make sense ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
    }

    /** True when the journal holds the batch's creation record (false: creation never completed). */
    boolean isComplete() {
        return model.info != null;
    }

    // ---------------------------------------------------------------- reading

    public BatchId id() {
        return id;
    }

    public synchronized BatchInfo info() {
        return model.info;
    }

    public synchronized Instant createdAt() {
        return model.createdAt;
    }

    /** True once {@link #markAnalysisComplete()} said every page is stored and every document defined. */
    public synchronized boolean isAnalysisComplete() {
        return model.analysisComplete;
    }

    /** True once {@link #seal()} said no more documents will be added. */
    public synchronized boolean isSealed() {
        return model.sealed;
    }

    public synchronized List<StoredPage> pages() {
        List<StoredPage> out = new ArrayList<>();
        for (BatchState.PageRecord p : model.pages.values()) {
            out.add(new StoredPage(p.index, p.source, p.mediaType, p.sha256, p.size, p.file == null, p.dpi));
        }
        return out;
    }

    public synchronized List<StoredDocument> documents() {
        List<StoredDocument> out = new ArrayList<>();
        for (BatchState.DocRecord d : model.documents.values()) {
            out.add(d.view(id));
        }
        return out;
    }

    public synchronized Optional<StoredDocument> document(int index) {
        BatchState.DocRecord d = model.documents.get(index);
        return d == null ? Optional.empty() : Optional.of(d.view(id));
    }

    /** The decrypted page image. */
    public byte[] readPage(int index) throws IOException {
        String file;
        synchronized (this) {
            BatchState.PageRecord p = model.pages.get(index);
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
            BatchState.DocRecord d = doc(document);
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
            file = model.decisionsFile;
        }
        return file == null ? Optional.empty() : Optional.of(files.read(file));
    }

    // ---------------------------------------------------------------- writing

    /** Stores one page image of unknown resolution; returns its index (1-based, in scan order). */
    public int addPage(byte[] image, String mediaType, String sourceName) throws IOException {
        return addPage(image, mediaType, sourceName, 0);
    }

    /**
     * Stores one page image; returns its index (1-based, in scan order; an index is never reused).
     *
     * @param dpi the scan's resolution, 0 when unknown
     */
    public synchronized int addPage(byte[] image, String mediaType, String sourceName, int dpi) throws IOException {
        requireOpen();
        requireAnalysisOpen();
        int index = model.nextPage;
        String file = String.format("%s/pages/p%05d.enc", folder, index);
        String sha = Sha256.hex(image);
        files.write(file, image);
        JournalEntry e = new JournalEntry(JournalEntry.PAGE, now(), null, index, null, file, sha, (long) image.length,
                mediaType, sourceName, null, null, null, null, null, dpi > 0 ? Map.of("dpi", Integer.toString(dpi)) : null);
        record(e);
        audit.pageImage(id, index, sha, image.length, actor);
        return index;
    }

    /**
     * Takes a page out of a batch still being scanned (e.g. a page fed twice): the page leaves the batch
     * and its image is deleted. Refused once the batch's analysis is complete.
     */
    public synchronized void removePage(int index, String reason) throws IOException {
        requireOpen();
        requireAnalysisOpen();
        BatchState.PageRecord p = model.pages.get(index);
        if (p == null) {
            throw new IllegalArgumentException("page " + index + " is not in batch " + id);
        }
        for (BatchState.DocRecord d : model.documents.values()) {
            if (d.pages.contains(index)) {
                throw new IllegalStateException("page " + index + " is in document " + d.index + " of batch " + id);
            }
        }
        String file = p.file;
        // journal first: a crash after it leaves an orphan file that opening the store deletes
        record(new JournalEntry(JournalEntry.PAGE_REMOVED, now(), null, index, null, null, null, null, null, null,
                null, null, null, reason, null, null));
        audit.append(new AuditEvent("page-removed", now(), actor, null, id.value(), null, index, p.sha256, p.size,
                null, null, reason == null ? null : List.of(reason), null, null));
        if (file != null) {
            files.delete(file);
        }
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
        if (model.documents.containsKey(index)) {
            throw new IllegalStateException("document " + index + " is already defined in batch " + id);
        }
        if (index < 0) {
            throw new IllegalArgumentException("document index must be 0 or more");
        }
        for (int p : pageIndexes) {
            if (!model.pages.containsKey(p)) {
                throw new IllegalArgumentException("page " + p + " is not in batch " + id);
            }
        }
        record(new JournalEntry(JournalEntry.DOCUMENT, now(), index, null, DocumentState.ANALYSED, null, null, null,
                null, null, nhsNumber, title, List.copyOf(pageIndexes), null, null, null));
    }

    /**
     * Files a held document to another patient (a supervisor's review decision); allowed while the
     * document is HELD, ANALYSED or EXPORTED, i.e. before it is queued. Works on sealed batches.
     *
     * @param nhsNumber the patient's NHS number (10 digits)
     */
    public synchronized void refile(int document, String nhsNumber) throws IOException {
        BatchState.DocRecord d = doc(document);
        if (d.state != DocumentState.HELD && d.state != DocumentState.ANALYSED && d.state != DocumentState.EXPORTED) {
            throw new IllegalStateException("document " + document + " cannot be refiled in state " + d.state.json());
        }
        record(new JournalEntry(JournalEntry.REFILED, now(), document, null, null, null, null, null, null, null,
                nhsNumber, null, null, null, null, null));
    }

    /** Stores (or, before it is queued, replaces) the document's PDF: state EXPORTED. */
    public synchronized void putPdf(int document, byte[] pdf) throws IOException {
        BatchState.DocRecord d = doc(document);
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
        BatchState.DocRecord d = doc(document);
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

    /**
     * A supervisor's review outcome that keeps a HELD document out of the upload for good:
     * {@link DocumentState#UNIDENTIFIABLE} or {@link DocumentState#RESCAN}.
     */
    public void setAside(int document, DocumentState outcome, String reason) throws IOException {
        if (outcome != DocumentState.UNIDENTIFIABLE && outcome != DocumentState.RESCAN) {
            throw new IllegalArgumentException("a held document is set aside as unidentifiable or for rescanning, not "
                    + outcome.json());
        }
        changeState(document, outcome, reason, null);
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
        BatchState.DocRecord d = doc(document);
        checkTransition(d, DocumentState.PURGED);
        String pdf = d.pdfFile;
        List<String> pageFiles = new ArrayList<>();
        for (int p : d.pages) {
            BatchState.PageRecord pr = model.pages.get(p);
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

    /**
     * For a batch whose intake stopped before its analysis was complete: holds every document not yet
     * queued, gathers the pages no document holds into one more held document (no patient: a person
     * decides), and seals the batch. Nothing is deleted.
     *
     * @return how many documents of the batch are held now
     */
    synchronized int holdEverythingForReview(String reason) throws IOException {
        java.util.TreeSet<Integer> loose = new java.util.TreeSet<>(model.pages.keySet());
        String title = "Scanned health record";
        for (BatchState.DocRecord d : model.documents.values()) {
            loose.removeAll(d.pages);
            title = d.title == null ? title : d.title;
        }
        if (!loose.isEmpty() && !model.sealed) {
            int index = model.documents.isEmpty() ? 0 : model.documents.lastKey() + 1;
            defineDocument(index, null, title, List.copyOf(loose));
        }
        int held = 0;
        for (BatchState.DocRecord d : List.copyOf(model.documents.values())) {
            if (d.state == DocumentState.ANALYSED || d.state == DocumentState.EXPORTED) {
                hold(d.index, reason + ": check the pages, then file or rescan them");
            }
            held += d.state == DocumentState.HELD ? 1 : 0;
        }
        seal();
        return held;
    }

    /** Declares that every page is stored and every document defined (exports may still be missing). */
    public synchronized void markAnalysisComplete() throws IOException {
        if (!model.analysisComplete) {
            record(JournalEntry.of(JournalEntry.ANALYSIS_COMPLETE, now()));
        }
    }

    /** Declares that no more documents will be added to this batch. */
    public synchronized void seal() throws IOException {
        if (!model.sealed) {
            record(JournalEntry.of(JournalEntry.SEALED, now()));
            purgeBatchLeftoversIfDone();
        }
    }

    private void purgeBatchLeftoversIfDone() throws IOException {
        if (!model.sealed || model.batchPurged || model.documents.isEmpty()
                || model.documents.values().stream().anyMatch(d -> d.state != DocumentState.PURGED)) {
            return;
        }
        List<String> leftovers = new ArrayList<>();
        for (BatchState.PageRecord p : model.pages.values()) {
            if (p.file != null) {
                leftovers.add(p.file);
            }
        }
        if (model.decisionsFile != null) {
            leftovers.add(model.decisionsFile);
        }
        record(JournalEntry.of(JournalEntry.BATCH_PURGED, now()));
        for (String f : leftovers) {
            files.delete(f);
        }
    }

    private synchronized void changeState(int document, DocumentState to, String detail, String objectId)
            throws IOException {
        BatchState.DocRecord d = doc(document);
        checkTransition(d, to);
        record(new JournalEntry(JournalEntry.STATE, now(), document, null, to, null, null, null, null, null, null,
                null, null, detail, objectId, null));
        if (to != DocumentState.UPLOADED) {
            audit.stateChange(id, document, to, actor, detail, objectId);
        }
    }

    private static void checkTransition(BatchState.DocRecord d, DocumentState to) {
        if (!ALLOWED.get(d.state).contains(to)) {
            throw new IllegalStateException("document " + d.index + " cannot go from " + d.state.json() + " to "
                    + to.json());
        }
    }

    private BatchState.DocRecord doc(int index) {
        BatchState.DocRecord d = model.documents.get(index);
        if (d == null) {
            throw new IllegalArgumentException("document " + index + " is not in batch " + id);
        }
        return d;
    }

    private void requireOpen() {
        if (model.sealed) {
            throw new IllegalStateException("batch " + id + " is sealed");
        }
    }

    private void requireAnalysisOpen() {
        if (model.analysisComplete) {
            throw new IllegalStateException("batch " + id + " is analysed: its pages are fixed");
        }
    }

    private String now() {
        return clock.instant().toString();
    }

    void create(BatchInfo batchInfo) throws IOException {
        Map<String, String> created = new java.util.LinkedHashMap<>();
        created.put("operator", batchInfo.operator());
        created.put("device", batchInfo.device());
        if (batchInfo.origin() != null) {
            created.put("origin", batchInfo.origin());
        }
        record(new JournalEntry(JournalEntry.BATCH_CREATED, now(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, created));
        // settings go to the audit trail (they are long and not needed to resume)
        model.info = batchInfo;
        audit.batchStarted(id, batchInfo);
    }

    private void record(JournalEntry e) throws IOException {
        journal.append(JSON.writeValueAsBytes(e));
        model.apply(e);
    }

    /** Store-relative names of every file the journal still refers to. */
    synchronized Set<String> liveFiles() {
        return model.liveFiles();
    }

    /** Store-relative names of every file the journal ever recorded (live or retired). */
    synchronized Set<String> knownFiles() {
        return Set.copyOf(model.knownFiles);
    }

    String folder() {
        return folder;
    }
}
