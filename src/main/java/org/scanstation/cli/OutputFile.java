package org.scanstation.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A result file a command writes: first to a hidden temporary file beside it (created owner-only),
 * then renamed over the target when complete, so a half-written file never stands under the real name.
 */
final class OutputFile {

    private final Path target;
    private final Path temp;

    private OutputFile(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** @throws CliException when the target's folder does not exist or cannot be written */
    static OutputFile beside(Path target, String prefix) throws CliException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CliException(ExitCode.INPUT, "cannot write " + target + ": folder does not exist");
        }
        try {
            return new OutputFile(target, Files.createTempFile(dir, "." + prefix + "-", ".tmp"));
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write " + target + ": " + e.getMessage());
        }
    }

    OutputStream open() throws IOException {
        return Files.newOutputStream(temp);
    }

    /** Puts the complete file in place. */
    void commit() throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
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
