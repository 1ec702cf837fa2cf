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
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps the store key in a small text file readable only by the station's user (POSIX 0600 where
 * the file system supports it; on Windows the file lives in the user's local profile, whose ACL
 * already restricts it to that user). The file holds one line {@code scanstation-key-v1:<base64 of 32
 * bytes>}. It is created on first use with a fresh key from {@link SecureRandom}. An existing key file
 * that other users may read or write has its mode set back to 0600 before it is used, and that is
 * said in {@link #notices()}; if its mode cannot be changed, it is refused.
 */
public final class KeyFileProvider implements KeyStoreProvider {

    private static final String PREFIX = "scanstation-key-v1:";
    private final Path file;
    private SecretKey cached;
    private final List<String> notices = new ArrayList<>();

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
            } else {
                restrictMode();
            }
            cached = read();
        }
        return cached;
    }

    @Override
    public boolean hasKey() {
        return Files.exists(file);
    }

    @Override
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Sets the mode of an existing key file that others may read or write back to 0600, and says so. */
    private void restrictMode() throws IOException {
        if (!supportsPosix(file)) {
            return;
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        if (java.util.Collections.disjoint(perms, others)) {
            return;
        }
        String was = PosixFilePermissions.toString(perms);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException | SecurityException e) {
            throw new IOException("the store key " + file + " can be read or changed by other users of this PC ("
                    + was + ") and its mode cannot be changed: it is not used. Run: chmod 600 " + file, e);
        }
        notices.add("the store key " + file + " could be read or changed by other users of this PC (" + was
                + "); its mode is now rw------- (this user only). Whoever read it before can decrypt a copy of"
                + " the store: tell IT.");
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

    private static boolean supportsPosix(Path path) {
        return path != null && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String describe() {
        return "key file " + file;
    }
}
