package org.scanstation.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ROOT/quarantine/}: what the store could not trust and will not delete. A batch whose journal
 * is missing, damaged or does not make sense is moved here whole (its folder as it was, so IT can
 * move it back to {@code batches/} once the cause is known: the encrypted files keep their names);
 * files a journal never recorded are moved here; a damaged audit trail segment is copied here.
 * Each entry is a folder with a plain-text note {@code QUARANTINE.json} (what, when, why, how many
 * files; no patient data), so {@code doctor} can list it without the key. The station never deletes
 * anything here.
 */
public final class Quarantine {

    static final String FOLDER = "quarantine";
    static final String NOTE = "QUARANTINE.json";
    private static final String ADVICE = "Encrypted patient records, kept exactly as they were. Nothing was deleted."
            + " Keep this folder for IT: it can be moved back (see 'original') once the cause is known.";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One entry of the quarantine, as its note says.
     *
     * @param folder   the entry's folder, relative to the store ({@code quarantine/...})
     * @param kind     {@code batch}, {@code unrecorded-files} or {@code audit-trail}
     * @param batch    the batch id, when the entry belongs to a batch
     * @param at       when it was set aside
     * @param reason   why, in words
     * @param files    how many files it holds (the note excluded)
     * @param original where the files were in the store
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String folder, String kind, String batch, String at, String reason, int files, String original,
                       String advice) {

        /** One line for a person: what was set aside, when, why, where it is. */
        public String describe() {
            String what = switch (kind == null ? "" : kind) {
                case "batch" -> "batch " + batch + " was set aside";
                case "unrecorded-files" -> files + " file(s) of batch " + batch + " that its journal never recorded"
                        + " were set aside";
                case "audit-trail" -> "a damaged part of the audit trail was copied aside";
                default -> "something was set aside";
            };
            return what + (at == null ? "" : " on " + at) + ": " + reason + " (" + files + " file(s) kept in "
                    + folder + "/; nothing was deleted)";
        }
    }

    private final Path root;
    private final Clock clock;

    Quarantine(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Moves a whole batch folder aside. */
    Item moveBatch(Path batchDir, String batchId, String reason) throws IOException {
        String original = relative(batchDir);
        Path target = newEntry(batchId);
        int files = countFiles(batchDir);
        Item item = new Item(relative(target), "batch", batchId, now(), reason, files, original, ADVICE);
        // the note goes in first and moves with the folder: the move is the one atomic step
        AtomicFiles.write(batchDir.resolve(NOTE), JSON.writeValueAsBytes(item));
        Files.createDirectories(target.getParent());
        move(batchDir, target);
        AtomicFiles.syncDirectory(batchDir.getParent());
        return item;
    }

    /** Moves files of one batch aside, keeping their paths relative to the batch folder. */
    Item setAsideFiles(Path batchDir, String batchId, List<Path> files, String reason) throws IOException {
        Path target = newEntry(batchId + "-unrecorded");
        Item item = new Item(relative(target), "unrecorded-files", batchId, now(), reason, files.size(),
                relative(batchDir), ADVICE);
        AtomicFiles.createDirectories(target);
        AtomicFiles.write(target.resolve(NOTE), JSON.writeValueAsBytes(item));
        for (Path f : files) {
            Path to = target.resolve(batchDir.relativize(f).toString());
            AtomicFiles.createDirectories(to.getParent());
            move(f, to);
        }
        return item;
    }

    /** Copies a damaged audit trail file aside (the original stays: it is still part of the trail). */
    Item copyAuditFile(Path file, String reason) throws IOException {
        Path target = newEntry("audit");
        Item item = new Item(relative(target), "audit-trail", null, now(), reason, 1, relative(file), ADVICE);
        AtomicFiles.createDirectories(target);
        AtomicFiles.write(target.resolve(NOTE), JSON.writeValueAsBytes(item));
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        return item;
    }

    /** Every entry, oldest first. */
    public List<Item> items() {
        return list(root);
    }

    /** The entries of the store at {@code storeRoot}, read from their notes (no key needed), oldest first. */
    public static List<Item> list(Path storeRoot) {
        Path dir = storeRoot.resolve(FOLDER);
        List<Item> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            out.add(new Item(FOLDER, "unknown", null, null, "the quarantine folder cannot be listed: " + e.getMessage(),
                    0, null, ADVICE));
            return out;
        }
        for (Path e : entries) {
            String folder = FOLDER + "/" + e.getFileName();
            int files = countFiles(e) - (Files.exists(e.resolve(NOTE)) ? 1 : 0);
            try {
                Item note = JSON.readValue(e.resolve(NOTE).toFile(), Item.class);
                out.add(new Item(folder, note.kind(), note.batch(), note.at(), note.reason(), files, note.original(),
                        note.advice()));
            } catch (IOException | RuntimeException ex) {
                out.add(new Item(folder, "unknown", null, null, "its note is missing or unreadable", files, null,
                        ADVICE));
            }
        }
        return out;
    }

    private Path newEntry(String label) {
        String stamp = STAMP.format(clock.instant());
        Path dir = root.resolve(FOLDER);
        Path p = dir.resolve(stamp + "-" + label);
        for (int n = 2; Files.exists(p); n++) {
            p = dir.resolve(stamp + "-" + label + "-" + n);
        }
        return p;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static int countFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return (int) s.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private String now() {
        return Instant.now(clock).toString();
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }
}
