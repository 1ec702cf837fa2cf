package org.scanstation.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.scanstation.store.BatchStore;
import org.scanstation.store.Quarantine;

/**
 * Checks that the batch store can be written (by creating and deleting a file, not by reading mode
 * bits), that the store key is there when the store holds data and readable by the station's user
 * only, and lists what the store set aside in its quarantine (read from the notes, no key needed).
 */
public final class StoreCheck implements Check {

    static final String NAME = "Batch store";

    private final Path store;
    private final Path keyFile;

    public StoreCheck(Path store, Path keyFile) {
        this.store = store.toAbsolutePath();
        this.keyFile = keyFile.toAbsolutePath();
    }

    @Override
    public CheckResult run() {
        List<String> details = new ArrayList<>();
        details.add("store: " + store);
        details.add("key file: " + keyFile);
        CheckResult folder = checkFolder(details);
        if (folder != null) {
            return withQuarantine(folder);
        }
        return withQuarantine(checkKey(details));
    }

    /** Adds every quarantine entry to the details; an otherwise good result becomes a warning. */
    private CheckResult withQuarantine(CheckResult r) {
        List<Quarantine.Item> items = Files.isDirectory(store) ? Quarantine.list(store) : List.of();
        if (items.isEmpty()) {
            return r;
        }
        List<String> details = new ArrayList<>(r.details());
        items.forEach(i -> details.add("quarantine: " + i.describe()));
        if (r.status() == CheckStatus.FAIL) {
            return new CheckResult(NAME, r.status(), r.summary(), details);
        }
        String summary = items.size() + " item(s) of the store are set aside in " + store.resolve("quarantine")
                + " (damaged or never recorded; kept for IT, nothing deleted, not uploaded): " + items.get(0).describe();
        return new CheckResult(NAME, CheckStatus.WARN, r.status() == CheckStatus.WARN ? summary + "; also: "
                + r.summary() : summary, details);
    }

    private CheckResult checkFolder(List<String> details) {
        Path existing = store;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return new CheckResult(NAME, CheckStatus.FAIL, "the store folder cannot be created: "
                    + (existing == null ? store : existing) + " is not a folder", details);
        }
        try {
            Path probe = Files.createTempFile(existing, ".scanstation-doctor-", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            return new CheckResult(NAME, CheckStatus.FAIL, "the station cannot write in " + existing
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); give the station's user write access"
                    + " or set store.path in the configuration", details);
        }
        if (!existing.equals(store)) {
            details.add("the store folder does not exist yet: it is created in " + existing + " at the first scan");
        } else if (othersCanEnter(store)) {
            return new CheckResult(NAME, CheckStatus.WARN, "other users of this PC can list the store folder "
                    + store + " (pages are encrypted, but run: chmod 700 " + store + ")", details);
        }
        return null;
    }

    private CheckResult checkKey(List<String> details) {
        if (!Files.exists(keyFile)) {
            if (Files.isDirectory(store) && BatchStore.holdsData(store)) {
                return new CheckResult(NAME, CheckStatus.FAIL, "the store holds data but its key " + keyFile
                        + " is missing: restore the key file from its backup (the station will not make a new key,"
                        + " which could not open what is stored)", details);
            }
            return new CheckResult(NAME, CheckStatus.OK, "store writable; its key is created at the first scan", details);
        }
        if (!Files.isRegularFile(keyFile) || !Files.isReadable(keyFile)) {
            return new CheckResult(NAME, CheckStatus.FAIL, "the store key " + keyFile
                    + " cannot be read: batches in the store cannot be opened", details);
        }
        Set<PosixFilePermission> perms = posixPermissions(keyFile);
        if (perms != null && (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE))) {
            return new CheckResult(NAME, CheckStatus.FAIL, "the store key " + keyFile
                    + " is readable by other users of this PC: run chmod 600 " + keyFile, details);
        }
        return new CheckResult(NAME, CheckStatus.OK, "store writable, key readable by this user only", details);
    }

    private static boolean othersCanEnter(Path dir) {
        Set<PosixFilePermission> perms = posixPermissions(dir);
        return perms != null && (perms.contains(PosixFilePermission.OTHERS_READ) || perms.contains(PosixFilePermission.OTHERS_EXECUTE));
    }

    private static Set<PosixFilePermission> posixPermissions(Path p) {
        try {
            return Files.getPosixFilePermissions(p);
        } catch (UnsupportedOperationException | IOException e) {
            return null;
        }
    }
}
