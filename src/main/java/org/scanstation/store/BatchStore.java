package org.scanstation.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
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
 *   ROOT/audit/audit.log              encrypted, append-only audit trail
 *   ROOT/batches/ID/journal.log       encrypted, append-only journal of the batch
 *   ROOT/batches/ID/pages/p00001.enc  encrypted page images
 *   ROOT/batches/ID/docs/d00000.enc   encrypted PDFs
 *   ROOT/batches/ID/decisions.enc     encrypted decisions JSON
 * </pre>
 *
 * Opening the store recovers from any crash (see {@link RecoveryReport}). One process at a time may
 * have a store open; within it the store is thread-safe.
 */
public final class BatchStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BatchStore.class.getName());

    private final Path root;
    private final AesGcmCipher cipher;
    private final EncryptedFiles files;
    private final AuditTrail audit;
    private final Clock clock;
    private final String actor;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<BatchId, StoredBatch> batches = new LinkedHashMap<>();
    private final RecoveryReport recovery;

    private BatchStore(Path root, AesGcmCipher cipher, Clock clock, String actor, FileChannel lockChannel,
                       FileLock lock) throws IOException {
        this.root = root;
        this.cipher = cipher;
        this.files = new EncryptedFiles(root, cipher);
        this.clock = clock;
        this.actor = actor;
        this.lockChannel = lockChannel;
        this.lock = lock;
        AtomicFiles.createDirectories(root.resolve("batches"));
        int temps = removeTemporaryFiles();
        this.audit = AuditTrail.open(root.resolve("audit").resolve("audit.log"), "audit/audit.log", cipher, clock);
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
     * @throws StoreLockedException    when another process has it open
     * @throws StoreCorruptedException when a journal or the audit trail fails its authentication
     */
    public static BatchStore open(Path root, KeyStoreProvider keys, Clock clock, String actor) throws IOException {
        Path abs = root.toAbsolutePath();
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
            return new BatchStore(abs, cipher, clock, actor, ch, lock);
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
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

    private int removeTemporaryFiles() throws IOException {
        List<Path> temps;
        try (Stream<Path> s = Files.walk(root)) {
            temps = s.filter(Files::isRegularFile).filter(AtomicFiles::isTemporary).toList();
        }
        for (Path t : temps) {
            Files.deleteIfExists(t);
        }
        return temps.size();
    }

    private RecoveryReport loadBatches(int temps) throws IOException {
        int unrecorded = 0;
        int torn = 0;
        int incomplete = 0;
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
            BatchId id = new BatchId(name);
            Path journalFile = dir.resolve("journal.log");
            if (!Files.exists(journalFile)) {
                deleteTree(dir);
                incomplete++;
                continue;
            }
            EncryptedLog journal = EncryptedLog.open(journalFile, "batches/" + name + "/journal.log", cipher);
            torn += journal.droppedTornRecords();
            StoredBatch batch = new StoredBatch(id, journal, files, audit, clock, actor);
            if (!batch.isComplete()) {
                deleteTree(dir);
                incomplete++;
                continue;
            }
            unrecorded += removeUnrecordedFiles(dir, batch.liveFiles());
            batches.put(id, batch);
        }
        List<StoredBatch> sorted = new ArrayList<>(batches.values());
        sorted.sort(Comparator.comparing(StoredBatch::createdAt));
        batches.clear();
        sorted.forEach(b -> batches.put(b.id(), b));
        return new RecoveryReport(temps, unrecorded, torn, incomplete);
    }

    private int removeUnrecordedFiles(Path dir, Set<String> live) throws IOException {
        List<Path> candidates;
        try (Stream<Path> s = Files.walk(dir)) {
            candidates = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".enc"))
                    .toList();
        }
        int removed = 0;
        for (Path p : candidates) {
            if (!live.contains(relative(p))) {
                Files.delete(p);
                removed++;
            }
        }
        return removed;
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
     * were stored. The caller redoes what is missing (e.g. exports documents still ANALYSED) and seals.
     */
    public synchronized List<StoredBatch> unsealedBatches() {
        return batches.values().stream().filter(b -> !b.isSealed()).toList();
    }

    /**
     * Deletes an unsealed batch whose documents never reached the queue (e.g. an intake killed before
     * its analysis was complete), so the inputs can be processed again without leaving patient data.
     *
     * @throws IllegalStateException when a document of the batch is queued, failed or beyond
     */
    public synchronized void discard(BatchId id, String reason) throws IOException {
        StoredBatch b = batch(id).orElseThrow(() -> new IllegalArgumentException("no batch " + id));
        for (StoredDocument d : b.documents()) {
            if (!java.util.EnumSet.of(DocumentState.SCANNED, DocumentState.ANALYSED, DocumentState.EXPORTED,
                    DocumentState.HELD).contains(d.state())) {
                throw new IllegalStateException("batch " + id + " has document " + d.index() + " "
                        + d.state().json() + "; only batches with nothing queued can be discarded");
            }
        }
        audit.append(new AuditEvent("batch-discarded", clock.instant().toString(), actor, null, id.value(), null,
                null, null, null, null, null, List.of(reason), null, null));
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

    /** Every batch and document with its state (no patient data). */
    public QueueReport report() {
        return QueueReport.of(batches());
    }

    public Path root() {
        return root;
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
