package org.scanstation.pdf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.scanstation.files.NewFiles;
import org.scanstation.pdf.PdfExportException.Reason;

/**
 * Writes a file so that it is either complete under its final name or absent: the bytes go to a
 * hidden temporary file in the same folder (created with {@link NewFiles#modeFor}: owner-only unless
 * the folder is a closed team folder), are forced to the disk, and the file is then given its final
 * name without ever replacing an existing file ({@link NewFiles#publish}). On any failure the
 * temporary file is deleted.
 */
final class AtomicFileWriter {

    /** Produces the file's content. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The bytes written and their SHA-256. */
    record Written(long bytes, String sha256) {
    }

    private AtomicFileWriter() {
    }

    /** Fails early, before any work, when the target's folder does not exist. */
    static void checkFolder(Path target) throws PdfExportException {
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new PdfExportException(Reason.OUTPUT_NOT_WRITABLE,
                    "The output folder " + folder + " does not exist or is not a folder.");
        }
    }

    static Written write(Path target, Content content) throws PdfExportException {
        checkFolder(target);
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = folder.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".partial");
        MessageDigest sha = sha256();
        long bytes;
        try {
            try (FileChannel channel = FileChannel.open(temp, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), NewFiles.creationAttributes(folder))) {
                CountingOutputStream counter = new CountingOutputStream(
                        new DigestOutputStream(Channels.newOutputStream(channel), sha));
                OutputStream out = new BufferedOutputStream(counter, 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
                bytes = counter.count;
            }
            NewFiles.publish(temp, absolute);
        } catch (FileAlreadyExistsException e) {
            deleteQuietly(temp);
            throw new PdfExportException(Reason.TARGET_EXISTS, "A file named " + absolute.getFileName()
                    + " already exists in " + folder + "; it was not replaced.", e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw translate(e, absolute);
        }
        syncFolder(folder);
        return new Written(bytes, HexFormat.of().formatHex(sha.digest()));
    }

    /** A plain-language exception for what went wrong while writing {@code target}. */
    static PdfExportException translate(Exception e, Path target) {
        Path folder = target.getParent();
        String all = messages(e);
        if (isDiskFull(e)) {
            return new PdfExportException(Reason.DISK_FULL,
                    "The disk is full: " + target.getFileName() + " could not be written to " + folder
                            + ". Free some space and export again.", e);
        }
        if (e instanceof AccessDeniedException || all.contains("Permission denied")) {
            return new PdfExportException(Reason.OUTPUT_NOT_WRITABLE,
                    "Cannot write to the output folder " + folder + ": permission denied.", e);
        }
        if (all.contains("Read-only file system")) {
            return new PdfExportException(Reason.OUTPUT_NOT_WRITABLE,
                    "Cannot write to the output folder " + folder + ": it is on a read-only disk.", e);
        }
        if (e instanceof NoSuchFileException) {
            return new PdfExportException(Reason.OUTPUT_NOT_WRITABLE,
                    "The output folder " + folder + " does not exist.", e);
        }
        String detail = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        return new PdfExportException(Reason.IO_ERROR,
                "Could not write " + target + ": " + detail + ".", e);
    }

    /** True when {@code e} (or a cause) reports that the disk or quota is full. */
    static boolean isDiskFull(Throwable e) {
        String all = messages(e);
        return all.contains("No space left on device") || all.contains("not enough space on the disk")
                || all.contains("Disk quota exceeded");
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
            if (t instanceof FileSystemException fse && fse.getReason() != null) {
                sb.append(fse.getReason()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name marks it as partial
        }
    }

    /** Makes the rename durable where the platform allows opening a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static final class CountingOutputStream extends java.io.FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
