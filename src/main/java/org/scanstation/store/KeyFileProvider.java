package org.scanstation.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the store key in a small text file readable only by the station's user (POSIX 0600 where
 * the file system supports it; on Windows the file lives in the user's profile, whose ACL already
 * restricts it to that user). The file holds one line {@code scanstation-key-v1:<base64 of 32 bytes>}.
 * It is created on first use with a fresh key from {@link SecureRandom}.
 */
public final class KeyFileProvider implements KeyStoreProvider {

    private static final String PREFIX = "scanstation-key-v1:";
    private final Path file;
    private SecretKey cached;

    public KeyFileProvider(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** The key file next to the user's configuration: see {@link StorePaths#defaultKeyFile()}. */
    public static KeyFileProvider atDefaultLocation() {
        return new KeyFileProvider(StorePaths.defaultKeyFile());
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized SecretKey key() throws IOException {
        if (cached == null) {
            if (!Files.exists(file)) {
                create();
            }
            cached = read();
        }
        return cached;
    }

    private void create() throws IOException {
        Path dir = file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        byte[] text = (PREFIX + Base64.getEncoder().encodeToString(raw) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path tmp = file.resolveSibling(file.getFileName() + ".new-" + java.util.UUID.randomUUID());
        if (supportsPosix(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly =
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            Files.createFile(tmp, ownerOnly);
        } else {
            Files.createFile(tmp);
        }
        AtomicFiles.writeAndSync(tmp, text);
        try {
            // link(2) fails if the key appeared meanwhile: two first runs must not replace each other's key
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use that one
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            if (!Files.exists(file)) {
                Files.move(tmp, file);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        AtomicFiles.syncDirectory(dir);
    }

    private SecretKey read() throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (!text.startsWith(PREFIX)) {
            throw new IOException("key file " + file + " is not a ScanStation key file");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IOException("key file " + file + " is damaged (not base64)");
        }
        if (raw.length != 32) {
            throw new IOException("key file " + file + " does not hold a 256-bit key");
        }
        return new SecretKeySpec(raw, "AES");
    }

    private static boolean supportsPosix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String describe() {
        return "key file " + file;
    }
}
