package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.scanstation.files.NewFiles;

/**
 * A result file a command writes: first to a hidden temporary file beside it (owner-only, or the mode of
 * a closed team folder: {@link NewFiles}), then given its name when complete, so a half-written file
 * never stands under the real name. An existing file is never replaced: the command refuses it before
 * doing any work, and again at the end if another process took the name meanwhile.
 */
final class OutputFile {

    private final Path target;
    private final Path temp;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /**
     * @throws CliException when the target exists (exit 2), or its folder does not exist or cannot be written
     */
    static OutputFile beside(Path target, String prefix) throws CliException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(ExitCode.INPUT, "cannot write " + target + ": folder does not exist");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw exists(target);
        }
        try {
            return new OutputFile(target, NewFiles.temporaryBeside(target, prefix));
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write " + target + ": " + e.getMessage());
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
