package org.scanstation.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.scanstation.export.ExportException.Reason;

/** The export folder: checked before any work, and plain-language errors for what goes wrong writing to it. */
final class OutputFolder {

    private OutputFolder() {
    }

    /**
     * Creates {@code folder} (and missing parents) when needed and proves it can be written by creating
     * and deleting a small file in it, so a batch is not analysed for nothing.
     */
    static void prepare(Path folder) throws ExportException {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new ExportException(Reason.OUTPUT_NOT_WRITABLE, "the output " + folder + " is a file, not a folder");
        }
        Path probe = null;
        try {
            Files.createDirectories(folder);
            probe = Files.createTempFile(folder, ".write-check-", ".tmp");
            Files.write(probe, new byte[512]);
        } catch (IOException e) {
            throw translate(e, folder);
        } finally {
            if (probe != null) {
                try {
                    Files.deleteIfExists(probe);
                } catch (IOException ignored) {
                    // a dot name is never taken for a document
                }
            }
        }
    }

    /** A plain-language exception for an input/output failure while writing {@code target}. */
    static ExportException translate(IOException e, Path target) {
        String all = messages(e);
        if (all.contains("No space left on device") || all.contains("not enough space on the disk")
                || all.contains("Disk quota exceeded")) {
            return new ExportException(Reason.DISK_FULL, "the disk is full: could not write " + target
                    + "; free some space and export again", e);
        }
        if (e instanceof AccessDeniedException || all.contains("Permission denied")) {
            return new ExportException(Reason.OUTPUT_NOT_WRITABLE, "cannot write to " + target + ": permission denied", e);
        }
        if (all.contains("Read-only file system")) {
            return new ExportException(Reason.OUTPUT_NOT_WRITABLE, "cannot write to " + target
                    + ": it is on a read-only disk", e);
        }
        if (e instanceof NoSuchFileException) {
            return new ExportException(Reason.OUTPUT_NOT_WRITABLE, "cannot write to " + target
                    + ": a folder on its path does not exist", e);
        }
        String detail = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new ExportException(Reason.FAILED, "could not write " + target + ": " + detail, e);
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
            if (t instanceof FileSystemException f && f.getReason() != null) {
                sb.append(f.getReason()).append('\n');
            }
        }
        return sb.toString();
    }
}
