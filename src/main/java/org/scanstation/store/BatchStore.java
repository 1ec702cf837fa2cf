package org.scanstation.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The durable, encrypted batch store: a folder holding one sub-folder per batch (named by an opaque
 * random {@link BatchId}), each with its encrypted page images, decisions, PDFs and journal, plus
 * the store-wide {@link AuditTrail}.
 *
 * <pre>
 *   ROOT/.lock                        held while a process has the store open
 *   ROOT/key.check                    a known value sealed with the key: a wrong key changes nothing
 *   ROOT/store.id                     the store's random id (also in the audit trail's first record)
 *   ROOT/audit/audit.log              encrypted, append-only, hash-chained audit trail (then audit.1.log ...)
 *   ROOT/batches/ID/journal.log       encrypted, append-only journal of the batch
 *   ROOT/batches/ID/pages/p00001.enc  encrypted page images
 *   ROOT/batches/ID/docs/d00000.enc   encrypted PDFs
 *   ROOT/batches/ID/decisions.enc     encrypted decisions JSON
 *   ROOT/quarantine/...               what could not be trusted, kept for IT (see {@link Quarantine})
 * </pre>
 *
 * Opening the store recovers from any crash (see {@link RecoveryReport}) and never deletes what a
 * journal recorded: a batch whose journal is missing, damaged or makes no sense is moved to the
 * quarantine whole, and the other batches carry on. What a person must know about it is in
 * {@link #notices()}. One process at a time may have a store open; within it the store is thread-safe.
 */
public final class BatchStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchStore.class.getName());
    private static final String KEY_CHECK = "key.check";
    private static final byte[] KEY_CHECK_VALUE = "scanstation-store-key-check-v1".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final AesGcmCipher cipher;
    private final EncryptedFiles files;
    private final Quarantine quarantine;
    private final AuditTrail audit;
    private final Clock clock;
    private final String actor;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<BatchId, StoredBatch> batches = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private final RecoveryReport recovery;

    private BatchStore(Path root, AesGcmCipher cipher, Clock clock, String actor, FileChannel lockChannel,
                       FileLock lock, boolean hadData, List<String> keyNotices) throws IOException {
        this.root = root;
        this.cipher = cipher;
        this.files = new EncryptedFiles(root, cipher);
        this.clock = clock;
        this.actor = actor;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.notices.addAll(keyNotices);
        checkKey(hadData);
        AtomicFiles.createDirectories(root.resolve("batches"));
        int temps = removeTemporaryFiles();
        this.quarantine = new Quarantine(root, clock);
        this.audit = AuditTrail.open(root, cipher, clock, quarantine, hadData, actor);
        this.notices.addAll(audit.notices());
        this.recovery = loadBatches(temps);
        if (!recovery.cleanStart()) {
            LOG.info(() -> "store recovered after an unclean stop: " + recovery);
        }
    }

    /** Opens (creating when needed) the store at {@code root} with the OS user as actor and the system clock. */
    public static BatchStore open(Path root, KeyStoreProvider keys) throws IOException {
        return open(root, keys, Clock.systemUTC(), System.getProperty("user.name", "unknown"));
    }

    /**
     * Opens the store, taking its lock and recovering from any unclean stop.
     *
     * @param actor who is acting (recorded in the audit trail for uploads, purges...)
     * @throws StoreLockedException     when another process has it open
     * @throws StoreKeyMissingException when the store holds data and its key is missing (none is made)
     * @throws StoreCorruptedException  when the key is not the store's key
     */
    public static BatchStore open(Path root, KeyStoreProvider keys, Clock clock, String actor) throws IOException {
        Path abs = root.toAbsolutePath();
        boolean hadData = holdsData(abs);
        if (hadData && !keys.hasKey()) {
            throw new StoreKeyMissingException(abs, keys.describe());
        }
        if (!Files.isDirectory(abs)) {
            createOwnerOnlyDirectory(abs);
        }
        AesGcmCipher cipher = new AesGcmCipher(keys.key());
        FileChannel ch = FileChannel.open(abs.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new StoreLockedException(abs.toString());
        }
        try {
            return new BatchStore(abs, cipher, clock, actor, ch, lock, hadData, keys.notices());
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** True when the folder holds a store with anything in it (batches, an audit trail, quarantine). */
    public static boolean holdsData(Path root) {
        for (String sub : List.of("batches", "audit", Quarantine.FOLDER)) {
            Path dir = root.resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        return true;
                    }
                } catch (IOException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The store folder is readable by the station's user only (POSIX 0700 where supported). */
    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    /**
     * Makes sure the key is this store's before anything is read as damage or written: a wrong key
     * must change nothing (no quarantine, no new audit segment). {@code key.check} answers at once;
     * when it is missing (a store from before it existed) or itself damaged, the store's logs answer.
     */
    private void checkKey(boolean hadData) throws IOException {
        if (files.exists(KEY_CHECK)) {
            try {
                if (java.util.Arrays.equals(files.read(KEY_CHECK), KEY_CHECK_VALUE)) {
                    return;
                }
            } catch (StoreCorruptedException e) {
                // wrong key, or key.check damaged: the logs tell which
            }
            if (!Boolean.TRUE.equals(keyOpensALogRecord())) {
                throw new StoreCorruptedException(KEY_CHECK, "the key does not open this store (nothing was changed);"
                        + " give the store's own key file");
            }
            notices.add("the store's key check file (key.check) was damaged, but the key opens the store's records:"
                    + " it was written again");
        } else if (hadData && Boolean.FALSE.equals(keyOpensALogRecord())) {
            throw new StoreCorruptedException(KEY_CHECK, "the key opens none of the store's journal or audit records:"
                    + " it is not this store's key (nothing was changed)");
        }
        files.write(KEY_CHECK, KEY_CHECK_VALUE);
    }

    /** True when a record of any journal or audit log opens with the key, false when none does, null when there is none. */
    private Boolean keyOpensALogRecord() throws IOException {
        List<Path> logs = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName().toString().endsWith(".log") && Files.isRegularFile(p))
                    .filter(p -> !relative(p).startsWith(Quarantine.FOLDER + "/")).forEach(logs::add);
        }
        Boolean answer = null;
        for (Path p : logs) {
            EncryptedLog.Scan scan = EncryptedLog.scan(p, relative(p), cipher);
            if (scan.records().stream().anyMatch(EncryptedLog.Scanned::readable)) {
                return true;
            }
            answer = scan.records().isEmpty() ? answer : Boolean.FALSE;
        }
        return answer;
    }

    private int removeTemporaryFiles() throws IOException {
        List<Path> temps;
        Path kept = root.resolve(Quarantine.FOLDER);
        try (Stream<Path> s = Files.walk(root)) {
            temps = s.filter(p -> !p.startsWith(kept)).filter(Files::isRegularFile).filter(AtomicFiles::isTemporary)
                    .toList();
        }
        for (Path t : temps) {
            Files.deleteIfExists(t);
        }
        return temps.size();
    }

    /** What loading the batches found, counted for the {@link RecoveryReport}. */
    private static final class Counts {
        int retired;
        int torn;
        int empty;
        int setAside;
        int quarantined;
    }

    private RecoveryReport loadBatches(int temps) throws IOException {
        Counts c = new Counts();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root.resolve("batches"))) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            if (!BatchId.isValid(name)) {
                LOG.warning(() -> "ignoring a folder that is not a batch: batches/" + name);
                continue;
            }
            try {
                loadBatch(dir, new BatchId(name), c);
            } catch (IOException e) {
                // setting it aside failed too: leave it where it is, unused, and say so
                notices.add("batch " + name + " is damaged and could not be set aside (" + e.getMessage()
                        + "): it is left in batches/" + name + " as it is and not used; tell IT");
            }
        }
        List<StoredBatch> sorted = new ArrayList<>(batches.values());
        sorted.sort(Comparator.comparing(StoredBatch::createdAt));
        batches.clear();
        sorted.forEach(b -> batches.put(b.id(), b));
        return new RecoveryReport(temps, c.retired, c.torn, c.empty, c.setAside, c.quarantined);
    }

    private void loadBatch(Path dir, BatchId id, Counts c) throws IOException {
        String name = id.value();
        Path journalFile = dir.resolve("journal.log");
        if (!Files.exists(journalFile)) {
            List<Path> data = dataFiles(dir);
            if (data.isEmpty()) {
                deleteTree(dir); // its creation never completed: it holds nothing at all
                c.empty++;
            } else {
                setAside(dir, id, "its journal.log is missing (the folder holds " + data.size() + " file(s))", c);
            }
            return;
        }
        EncryptedLog journal;
        StoredBatch batch;
        try {
            journal = EncryptedLog.open(journalFile, "batches/" + name + "/journal.log", cipher);
            batch = new StoredBatch(id, journal, files, audit, clock, actor);
        } catch (StoreCorruptedException e) {
            setAside(dir, id, e.file() + ": " + e.problem(), c);
            return;
        }
        if (!batch.isComplete()) {
            List<Path> data = dataFiles(dir);
            if (data.isEmpty() && journal.tornTail() == null) {
                deleteTree(dir); // created, then stopped before its first record: nothing was stored
                c.empty++;
            } else {
                String tail = journal.tornTail() == null ? "" : " (" + journal.tornTail() + ")";
                setAside(dir, id, "its journal.log records no batch" + tail + ", yet the folder holds "
                        + data.size() + " other file(s)", c);
            }
            return;
        }
        if (journal.tornTail() != null) {
            journal.dropTornTail();
            c.torn++;
        }
        sortOutFiles(dir, batch, c);
        batches.put(id, batch);
    }

    /**
     * Files the journal recorded and then retired (a purge the crash interrupted) are deleted. Files it
     * never recorded: the batch's own outputs (a document's PDF, the decisions), which a crash cut off
     * before their journal record and which filing makes again from the recorded pages, are deleted with
     * an audit record; anything else (a page image) is set aside, never deleted.
     */
    private void sortOutFiles(Path dir, StoredBatch batch, Counts c) throws IOException {
        Set<String> live = batch.liveFiles();
        Set<String> known = batch.knownFiles();
        List<Path> unknown = new ArrayList<>();
        List<String> remade = new ArrayList<>();
        for (Path p : dataFiles(dir)) {
            String rel = relative(p);
            if (live.contains(rel)) {
                continue;
            }
            if (known.contains(rel)) {
                Files.delete(p);
                c.retired++;
            } else if (isOutputMadeFromPages(dir, p)) {
                Files.delete(p);
                remade.add(dir.relativize(p).toString());
                c.retired++;
            } else {
                unknown.add(p);
            }
        }
        if (!remade.isEmpty()) {
            audit.batchEvent("unrecorded-output-removed", batch.id(), actor, List.of(
                    "written by a run that stopped before recording it; made again from the stored pages: "
                            + String.join(", ", remade)));
        }
        if (!unknown.isEmpty()) {
            String reason = "written by a run that stopped before recording them in the batch's journal";
            Quarantine.Item item = quarantine.setAsideFiles(dir, batch.id().value(), unknown, reason);
            c.setAside += unknown.size();
            notices.add(item.describe());
            audit.batchEvent("files-set-aside", batch.id(), actor, List.of(reason, "kept in " + item.folder()));
        }
    }

    /** A document's PDF or the batch's decisions: outputs of filing, never the only copy of a page. */
    private static boolean isOutputMadeFromPages(Path batchDir, Path file) {
        Path rel = batchDir.relativize(file);
        return (rel.getNameCount() == 2 && rel.getName(0).toString().equals("docs"))
                || (rel.getNameCount() == 1 && rel.toString().equals("decisions.enc"));
    }

    private void setAside(Path dir, BatchId id, String reason, Counts c) throws IOException {
        Quarantine.Item item = quarantine.moveBatch(dir, id.value(), reason);
        c.quarantined++;
        notices.add(item.describe() + ". Its documents are not uploaded until IT restores it; the other batches"
                + " carry on.");
        audit.batchEvent("batch-quarantined", id, actor, List.of(reason, "kept in " + item.folder()));
    }

    /** Every file of a batch folder but its journal (and temporary files). */
    private static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !AtomicFiles.isTemporary(p))
                    .filter(p -> !p.getParent().equals(dir) || !p.getFileName().toString().equals("journal.log"))
                    .sorted().toList();
        }
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        AtomicFiles.syncDirectory(dir.getParent());
    }

    /** Starts a new batch (durable when this returns). */
    public synchronized StoredBatch createBatch(BatchInfo info) throws IOException {
        BatchId id = BatchId.random();
        Path dir = root.resolve("batches").resolve(id.value());
        AtomicFiles.createDirectories(dir);
        EncryptedLog journal = EncryptedLog.open(dir.resolve("journal.log"), "batches/" + id + "/journal.log", cipher);
        StoredBatch batch = new StoredBatch(id, journal, files, audit, clock, actor);
        batch.create(info);
        batches.put(id, batch);
        return batch;
    }

    /** Every batch, oldest first. */
    public synchronized List<StoredBatch> batches() {
        return List.copyOf(batches.values());
    }

    /**
     * Batches never sealed: their creation was interrupted (crash, kill) after some pages or documents
     * were stored. The caller redoes what is missing (e.g. exports documents still ANALYSED) and seals,
     * or, when the analysis never completed, keeps the pages for review ({@link #keepForReview}).
     */
    public synchronized List<StoredBatch> unsealedBatches() {
        return batches.values().stream().filter(b -> !b.isSealed()).toList();
    }

    /**
     * Keeps an unsealed batch whose intake stopped before its analysis was complete: nothing is
     * deleted; every stored page goes to review (its documents are held, pages not yet in a document
     * become one held document), the batch is sealed, and the store says so in {@link #notices()} and
     * in the audit trail.
     *
     * @return the statement made, in words (no patient data)
     */
    public synchronized String keepForReview(BatchId id, String reason) throws IOException {
        StoredBatch b = batch(id).orElseThrow(() -> new IllegalArgumentException("no batch " + id));
        int held = b.holdEverythingForReview(reason);
        String words = "batch " + id + " was interrupted before its analysis was complete (" + reason + "): its "
                + b.pages().size() + " page(s) are kept and held for review in " + held + " document(s)";
        notices.add(words);
        audit.batchEvent("batch-interrupted", id, actor, List.of(reason, words));
        return words;
    }

    /**
     * Removes a batch that holds nothing: no page and no document (a station batch opened just before a
     * crash, say). Refuses any batch that holds a page: those are kept ({@link #keepForReview}).
     */
    public synchronized void removeEmptyBatch(BatchId id, String reason) throws IOException {
        StoredBatch b = batch(id).orElseThrow(() -> new IllegalArgumentException("no batch " + id));
        if (!b.pages().isEmpty() || !b.documents().isEmpty()) {
            throw new IllegalStateException("batch " + id + " holds " + b.pages().size()
                    + " page(s): it is kept, never removed");
        }
        audit.batchEvent("empty-batch-removed", id, actor, List.of(reason));
        batches.remove(id);
        deleteTree(root.resolve("batches").resolve(id.value()));
    }

    public synchronized Optional<StoredBatch> batch(BatchId id) {
        return Optional.ofNullable(batches.get(id));
    }

    /** Looks a batch up by its id text, with a clear message when there is none. */
    public StoredBatch batch(String id) {
        if (!BatchId.isValid(id)) {
            throw new IllegalArgumentException("'" + id + "' is not a batch id (32 hex digits)");
        }
        return batch(new BatchId(id)).orElseThrow(() -> new IllegalArgumentException("no batch " + id + " in " + root));
    }

    public AuditTrail audit() {
        return audit;
    }

    /** What opening the store had to repair. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /**
     * What a person must know about this store, in plain words without patient data: batches and
     * files set aside, a damaged audit trail, interrupted batches kept for review, a key file whose
     * mode was corrected. The window and the commands show these.
     */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Everything in the store's quarantine (set aside now or earlier), oldest first. */
    public List<Quarantine.Item> quarantined() {
        return quarantine.items();
    }

    /** Every batch and document with its state, and what is in quarantine (no patient data). */
    public QueueReport report() {
        return QueueReport.of(batches(), quarantined());
    }

    public Path root() {
        return root;
    }

    /** Who acts through this store (recorded in the audit trail). */
    public String actor() {
        return actor;
    }

    /**
     * Reads and authenticates every live file of the store (page images, PDFs, decisions).
     *
     * @return the problems found, empty when all is well
     */
    public List<StoreCorruptedException> verifyAll() {
        List<StoreCorruptedException> problems = new ArrayList<>();
        for (StoredBatch b : batches()) {
            for (String f : b.liveFiles()) {
                try {
                    files.read(f);
                } catch (StoreCorruptedException e) {
                    problems.add(e);
                } catch (IOException e) {
                    problems.add(new StoreCorruptedException(f, "cannot be read: " + e.getMessage(), e));
                }
            }
        }
        return problems;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            lockChannel.close();
        }
    }
}
