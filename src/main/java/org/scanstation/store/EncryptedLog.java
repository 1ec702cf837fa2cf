package org.scanstation.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * An append-only file of individually encrypted records, each fsync'd before {@link #append} returns.
 * Layout: {@code "SSL1"}, then records {@code length(4, big-endian) || nonce || ciphertext || tag}.
 * Each record's associated data is the log's name and the record's sequence number, so records
 * cannot be dropped from the middle, reordered or moved between logs unnoticed.
 *
 * <p>On open, a torn last record (incomplete length or body, or a final record that fails its tag,
 * as a power cut can leave a zero-filled tail) is dropped and the file truncated after the last
 * good record: it was never acknowledged, so the caller redoes it. A bad record followed by good
 * data is real damage and raises {@link StoreCorruptedException}.
 */
final class EncryptedLog {

    private static final Logger LOG = Logger.getLogger(EncryptedLog.class.getName());
    private static final byte[] MAGIC = "SSL1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private final Path file;
    private final String name;
    private final AesGcmCipher cipher;
    private final List<byte[]> records = new ArrayList<>();
    private int droppedTornRecords;

    private EncryptedLog(Path file, String name, AesGcmCipher cipher) {
        this.file = file;
        this.name = name;
        this.cipher = cipher;
    }

    /** Opens (creating when absent) the log at {@code file}, known in messages as {@code name}. */
    static EncryptedLog open(Path file, String name, AesGcmCipher cipher) throws IOException {
        EncryptedLog log = new EncryptedLog(file, name, cipher);
        if (!Files.exists(file)) {
            AtomicFiles.createDirectories(file.getParent());
            AtomicFiles.write(file, MAGIC);
        } else {
            log.load();
        }
        return log;
    }

    private void load() throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length < MAGIC.length) {
            // the header itself is written atomically, so a short file means outside damage
            throw new StoreCorruptedException(name, "log header is missing");
        }
        if (!Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StoreCorruptedException(name, "not an encrypted store log");
        }
        int pos = MAGIC.length;
        int goodEnd = pos;
        while (pos < all.length) {
            if (all.length - pos < 4) {
                break; // torn length prefix
            }
            int len = ByteBuffer.wrap(all, pos, 4).getInt();
            int bodyStart = pos + 4;
            boolean complete = len >= AesGcmCipher.OVERHEAD && len <= MAX_RECORD && all.length - bodyStart >= len;
            if (!complete) {
                if (len < AesGcmCipher.OVERHEAD || len > MAX_RECORD) {
                    if (!onlyZerosFrom(all, pos)) {
                        throw new StoreCorruptedException(name, "record " + records.size() + " has an impossible length");
                    }
                }
                break; // torn body
            }
            byte[] plain;
            try {
                plain = cipher.open(all, bodyStart, len, context(records.size()), name);
            } catch (StoreCorruptedException e) {
                if (bodyStart + len == all.length) {
                    break; // a final record that never completed its write
                }
                throw new StoreCorruptedException(name, "record " + records.size() + " fails its authentication tag", e);
            }
            records.add(plain);
            pos = bodyStart + len;
            goodEnd = pos;
        }
        if (goodEnd < all.length) {
            droppedTornRecords++;
            int tornBytes = all.length - goodEnd;
            LOG.warning(() -> "dropping an incomplete last record of " + name + " (" + tornBytes + " bytes)");
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(goodEnd);
                ch.force(true);
            }
        }
    }

    private static boolean onlyZerosFrom(byte[] all, int pos) {
        for (int i = pos; i < all.length; i++) {
            if (all[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private String context(int sequence) {
        return "log:" + name + ":" + sequence;
    }

    /** The decrypted records, in order. */
    synchronized List<byte[]> records() {
        return List.copyOf(records);
    }

    /** How many torn records were dropped when the log was opened (0 or 1). */
    int droppedTornRecords() {
        return droppedTornRecords;
    }

    /** Encrypts, appends and fsyncs one record; durable once this returns. */
    synchronized void append(byte[] plain) throws IOException {
        byte[] sealed = cipher.seal(plain, context(records.size()));
        ByteBuffer buf = ByteBuffer.allocate(4 + sealed.length);
        buf.putInt(sealed.length).put(sealed).flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long before = ch.size();
            try {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            } catch (IOException e) {
                // e.g. disk full: cut the partial record so the next append does not follow garbage
                try {
                    ch.truncate(before);
                } catch (IOException ignored) {
                    e.addSuppressed(ignored);
                }
                throw e;
            }
        }
        records.add(plain);
    }

    String name() {
        return name;
    }
}
