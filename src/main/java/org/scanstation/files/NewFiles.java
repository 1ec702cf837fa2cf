package org.scanstation.files;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules for every file a command writes for the user (exported PDFs and manifests, scanned pages,
 * result files): patient data is never readable by other users, and no existing file is ever replaced
 * unless this run wrote it.
 *
 * <ul>
 *   <li><b>Mode</b>: owner read/write only (0600), unless the folder is closed to others (no
 *       permission at all for "others"): then the file takes the folder's read/write bits for owner and
 *       group (a 0750 folder gives 0640, 0770 gives 0660), as a folder made for a team intends. Set when
 *       the file is created, so there is no moment it is readable by others.</li>
 *   <li><b>No replacing</b>: a finished temporary file is published under its final name with a hard
 *       link, which fails if the name exists (atomically, even against another process doing the same);
 *       where the file system has no hard links, with a move that refuses an existing name.</li>
 * </ul>
 */
public final class NewFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private NewFiles() {
    }

    /** The permissions a new file in {@code folder} gets; empty where the file system has no POSIX modes. */
    public static Optional<Set<PosixFilePermission>> modeFor(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath();
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return Optional.empty();
        }
        Set<PosixFilePermission> f = Files.getPosixFilePermissions(dir);
        if (f.contains(PosixFilePermission.OTHERS_READ) || f.contains(PosixFilePermission.OTHERS_WRITE)
                || f.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            return Optional.of(EnumSet.copyOf(OWNER_ONLY));
        }
        Set<PosixFilePermission> mode = EnumSet.copyOf(OWNER_ONLY);
        if (f.contains(PosixFilePermission.GROUP_READ)) {
            mode.add(PosixFilePermission.GROUP_READ);
        }
        if (f.contains(PosixFilePermission.GROUP_WRITE)) {
            mode.add(PosixFilePermission.GROUP_WRITE);
        }
        return Optional.of(mode);
    }

    /** The attribute that creates a file in {@code folder} with {@link #modeFor(Path)} (none where not POSIX). */
    public static FileAttribute<?>[] creationAttributes(Path folder) throws IOException {
        Optional<Set<PosixFilePermission>> mode = modeFor(folder);
        return mode.isEmpty() ? new FileAttribute<?>[0]
                : new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode.get())};
    }

    /**
     * A new, empty, hidden temporary file beside {@code target}, with the mode of {@link #modeFor(Path)}
     * (group bits are applied after creation, as the process's umask may have removed them).
     */
    public static Path temporaryBeside(Path target, String prefix) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(folder, "." + prefix + "-", ".tmp", creationAttributes(folder));
        Optional<Set<PosixFilePermission>> mode = modeFor(folder);
        if (mode.isPresent()) {
            Files.setPosixFilePermissions(temp, mode.get());
        }
        return temp;
    }

    /**
     * Gives the complete {@code temp} its final name {@code target}, never replacing an existing file;
     * {@code temp} is gone afterwards when this succeeds.
     *
     * @throws FileAlreadyExistsException when {@code target} exists ({@code temp} is left for the caller)
     */
    public static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            // no hard links here (some network and FAT file systems): a move that will not replace
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }

    /** Replaces a file this run wrote itself (e.g. a record rewritten as work goes on). */
    public static void replaceOwn(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
