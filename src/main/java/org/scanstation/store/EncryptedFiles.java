package org.scanstation.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Whole files encrypted with AES-256-GCM, written atomically. Layout: {@code "SSE1"} then one sealed
 * message whose associated data is the file's store-relative name.
 */
final class EncryptedFiles {

    private static final byte[] MAGIC = "SSE1".getBytes(StandardCharsets.US_ASCII);

    private final Path root;
    private final AesGcmCipher cipher;

    EncryptedFiles(Path root, AesGcmCipher cipher) {
        this.root = root;
        this.cipher = cipher;
    }

    /** Encrypts and atomically writes {@code plain} at {@code relative} (forward-slash, store-relative). */
    void write(String relative, byte[] plain) throws IOException {
        byte[] sealed = cipher.seal(plain, "file:" + relative);
        byte[] out = new byte[MAGIC.length + sealed.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(sealed, 0, out, MAGIC.length, sealed.length);
        Path target = resolve(relative);
        AtomicFiles.createDirectories(target.getParent());
        AtomicFiles.write(target, out);
    }

    /** Reads and authenticates the file at {@code relative}. */
    byte[] read(String relative) throws IOException {
        byte[] all;
        try {
            all = Files.readAllBytes(resolve(relative));
        } catch (NoSuchFileException e) {
            throw new StoreCorruptedException(relative, "file is missing");
        }
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreCorruptedException(relative, "not an encrypted store file");
        }
        return cipher.open(all, MAGIC.length, all.length - MAGIC.length, "file:" + relative, relative);
    }

    void delete(String relative) throws IOException {
        Path p = resolve(relative);
        if (Files.deleteIfExists(p)) {
            AtomicFiles.syncDirectory(p.getParent());
        }
    }

    boolean exists(String relative) {
        return Files.exists(resolve(relative));
    }

    Path resolve(String relative) {
        return root.resolve(relative.replace('/', root.getFileSystem().getSeparator().charAt(0)));
    }
}
