package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.scanstation.files.NewFiles;

/**
 * A result file a command writes: first to a hidden temporary file beside it (owner-only, or the mode of
 * a closed team folder: {@link NewFiles}), then given its name when complete, so a half-written file
 * never stands under the real name. An existing file with content is never replaced: the command refuses
 * it before doing any work, and again at the end if another process took the name meanwhile. An existing
 * empty regular file (a name a script reserved with {@code mktemp}) holds nothing to lose: the result takes
 * its place, as long as it is still empty when the result is complete. Links are never followed.
 */
final class OutputFile {

    private final Path target;
    private final Path temp;
    private final boolean reservedEmpty;

    private OutputFile(Path target, Path temp, boolean reservedEmpty) {
        this.target = target;
        this.temp = temp;
        this.reservedEmpty = reservedEmpty;
    }

    /**
     * @throws CliException when the target exists (exit 2), or its folder does not exist or cannot be written
     */
    static OutputFile beside(Path target, String prefix) throws CliException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(ExitCode.INPUT, "cannot write " + target + ": folder does not exist");
        }
        boolean reservedEmpty = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (reservedEmpty && !emptyRegularFile(target)) {
            throw exists(target);
        }
        try {
            return new OutputFile(target, NewFiles.temporaryBeside(target, prefix), reservedEmpty);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write " + target + ": " + e.getMessage());
        }
    }

    private static boolean emptyRegularFile(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static CliException exists(Path target) {
        return new CliException(ExitCode.USAGE, target + " already exists: files are never replaced;"
                + " give a new name or remove it first");
    }

    OutputStream open() throws IOException {
        return Files.newOutputStream(temp);
    }

    /** Puts the complete file in place. */
    void commit() throws IOException, CliException {
        if (reservedEmpty) {
            if (!emptyRegularFile(target)) {
                discard();
                throw exists(target);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        try {
            NewFiles.publish(temp, target);
        } catch (FileAlreadyExistsException e) {
            discard();
            throw exists(target);
        }
    }

    /** Removes the temporary file after a failure (best effort: its dot name is never taken for a result). */
    void discard() {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
