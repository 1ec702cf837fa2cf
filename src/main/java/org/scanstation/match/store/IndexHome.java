package org.scanstation.match.store;

import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.scanstation.match.PatientIndexException;

/**
 * The folder an index lives in. Each import writes a new generation file under {@code generations/};
 * the file {@code current} names the generation in use and is only ever replaced whole by an atomic
 * rename, after the new generation is complete and on disk. A reader therefore sees the old index or
 * the new one, never a mixture, and an import that fails or is killed half way leaves {@code current}
 * as it was. {@code import.lock} keeps two imports from running at once.
 *
 * <pre>
 *   DIR/current                         generation=gen-20261201T020000Z-4f2a  bytes=...  (Java properties)
 *   DIR/generations/gen-....db          SQLite, written once, then read only
 *   DIR/last-import.txt                 the report of the last import, whether it was switched to or not
 *   DIR/last-import-refused.txt         every refused row of the last import: file:line: field: problem
 * </pre>
 */
public final class IndexHome {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;

    private IndexHome(Path dir) {
        this.dir = dir;
    }

    public static IndexHome at(Path dir) {
        return new IndexHome(dir.toAbsolutePath().normalize());
    }

    public Path dir() {
        return dir;
    }

    Path generations() {
        return dir.resolve("generations");
    }

    Path pointerFile() {
        return dir.resolve("current");
    }

    public Path reportFile() {
        return dir.resolve("last-import.txt");
    }

    public Path refusedFile() {
        return dir.resolve("last-import-refused.txt");
    }

    /** What {@code current} says: the generation in use and its size when it was switched to. */
    public record Pointer(String generation, long bytes) {
    }

    /** The generation in use, or empty when nothing was ever imported here. */
    public Optional<Pointer> current() throws PatientIndexException {
        String text;
        try {
            text = Files.readString(pointerFile(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PatientIndexException("the patient index " + dir + " cannot be read: " + e.getMessage(), e);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
            String generation = p.getProperty("generation");
            long bytes = Long.parseLong(p.getProperty("bytes", "-1"));
            if (generation == null || !generation.matches("gen-[A-Za-z0-9-]+")) {
                throw new IllegalArgumentException("no generation");
            }
            return Optional.of(new Pointer(generation, bytes));
        } catch (IOException | IllegalArgumentException e) {
            throw new PatientIndexException("the patient index " + dir + " is damaged: " + pointerFile()
                    + " does not name a generation; import the extract again");
        }
    }

    /** The file of a generation. */
    public Path fileOf(String generation) {
        return generations().resolve(generation + ".db");
    }

    /** Opens the generation in use; checks its size against the pointer before SQLite sees it. */
    public IndexGeneration openCurrent() throws PatientIndexException {
        Pointer pointer = current().orElseThrow(() -> new PatientIndexException("no patient index has been imported into "
                + dir + " (import one with: scanstation index import EXTRACT.csv --index " + dir + ")"));
        Path file = fileOf(pointer.generation());
        try {
            long size = Files.size(file);
            if (pointer.bytes() >= 0 && size != pointer.bytes()) {
                throw new PatientIndexException("the patient index " + file + " is damaged: " + size + " bytes, "
                        + pointer.bytes() + " when it was imported; import the extract again");
            }
        } catch (NoSuchFileException e) {
            throw new PatientIndexException("the patient index " + dir + " is damaged: its current generation "
                    + file.getFileName() + " is missing; import the extract again");
        } catch (IOException e) {
            throw new PatientIndexException("the patient index " + file + " cannot be read: " + e.getMessage(), e);
        }
        return IndexGeneration.open(file);
    }

    /** A name for a new generation: sortable by time, unique. */
    String newGenerationName(Clock clock) {
        return "gen-" + STAMP.format(clock.instant()) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    /**
     * Makes {@code generation} the one in use: the pointer is written beside, flushed to disk and renamed
     * over the old one in a single step.
     */
    void switchTo(String generation) throws IOException {
        Path file = fileOf(generation);
        StringBuilder text = new StringBuilder("# the patient index generation in use: replaced whole by each import\n");
        text.append("generation=").append(generation).append('\n').append("bytes=").append(Files.size(file)).append('\n');
        Path tmp = dir.resolve("current.tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(StandardCharsets.UTF_8.encode(text.toString()));
            ch.force(true);
        }
        try {
            Files.move(tmp, pointerFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot replace a file atomically; put the index on a local disk", e);
        }
        syncDirectory(dir);
    }

    /**
     * Deletes generations other than the current one and the one before it (a station may still be
     * reading that until it notices the switch), and files left by imports that died half way.
     */
    void removeOldGenerations(String keepCurrent, String keepPrevious) {
        try (Stream<Path> files = Files.list(generations())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                boolean keep = name.equals(keepCurrent + ".db") || keepPrevious != null && name.equals(keepPrevious + ".db");
                if (!keep) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        // still open elsewhere (Windows): the next import tries again
                    }
                }
            }
        } catch (IOException e) {
            // nothing to tidy
        }
    }

    /** Generations on disk, oldest first. */
    List<String> generationNames() throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(generations())) {
            return out;
        }
        try (Stream<Path> files = Files.list(generations())) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("gen-") && n.endsWith(".db"))
                    .sorted().forEach(n -> out.add(n.substring(0, n.length() - 3)));
        }
        return out;
    }

    /** Held while an import runs; a second import is refused rather than queued. */
    final class ImportLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private ImportLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    ImportLock lock() throws IOException, PatientIndexException {
        Files.createDirectories(generations());
        FileChannel ch = FileChannel.open(dir.resolve("import.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new PatientIndexException("another import into " + dir + " is running; try again when it has finished");
        }
        return new ImportLock(ch, lock);
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory; NTFS journals the rename itself
        }
    }
}
