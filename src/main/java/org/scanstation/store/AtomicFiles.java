package org.scanstation.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Crash-safe file writes: write a temporary file in the same folder, fsync it, rename it over the
 * target, fsync the folder. After a crash the target is either the old or the new content, never a
 * mix; leftovers are recognisable by {@link #isTemporary(Path)} and are deleted on start.
 */
public final class AtomicFiles {

    static final String TEMP_MARK = ".tmp-";

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with {@code bytes}, durable once this returns. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.getParent();
        Path tmp = dir.resolve(target.getFileName() + TEMP_MARK + UUID.randomUUID());
        try {
            writeAndSync(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    /** Writes {@code bytes} to {@code file} (created or truncated) and forces them to the device. */
    static void writeAndSync(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Makes a rename or a new file in {@code dir} durable. A no-op where folders cannot be opened (Windows). */
    public static void syncDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    /** Creates the folder (and parents) and makes its entry durable in its parent. */
    static void createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            syncDirectory(dir.getParent());
        }
    }

    /** True for a temporary file left behind by a write that never completed. */
    public static boolean isTemporary(Path file) {
        return file.getFileName().toString().contains(TEMP_MARK);
    }
}
