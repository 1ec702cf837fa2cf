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
 * <p>Only a <b>torn tail</b> is forgiven: what an append interrupted by a crash or a power cut can
 * leave (fewer than 4 bytes, a record shorter than its length says, zeros where a record should
 * start, or a complete last record whose tag is all zeros). It was never acknowledged; it is cut off
 * by {@link #dropTornTail()} (or before the next append), never on open, so a log that is then set
 * aside keeps every byte. Anything else (a record failing its tag, an impossible length, a damaged
 * header) is damage: {@link #open} refuses it with {@link StoreCorruptedException} naming the record,
 * and {@link #scan} reads around it without changing the file.
 */
final class EncryptedLog {

    private static final Logger LOG = Logger.getLogger(EncryptedLog.class.getName());
    private static final byte[] MAGIC = "SSL1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    /** A zero-filled tail longer than this is not what one interrupted append leaves: it is damage. */
    private static final int MAX_TORN_ZEROS = 8 * 1024;
    private static final int TAG_BYTES = AesGcmCipher.TAG_BITS / 8;

    /** One record as {@link #scan} found it: its plaintext, or why it cannot be read. */
    record Scanned(int index, byte[] plain, String problem) {
        boolean readable() {
            return plain != null;
        }
    }

    /**
     * A lenient reading of a log.
     *
     * @param records every record position found, readable or not
     * @param tail    what is wrong with the end of the file (torn or unreadable bytes), or null
     */
    record Scan(List<Scanned> records, String tail) {
        boolean clean() {
            return tail == null && records.stream().allMatch(Scanned::readable);
        }

        /** The problems in words, first first. */
        List<String> problems() {
            List<String> out = new ArrayList<>();
            records.stream().filter(r -> !r.readable()).forEach(r -> out.add(r.problem()));
            if (tail != null) {
                out.add(tail);
            }
            return out;
        }
    }

    private final Path file;
    private final String name;
    private final AesGcmCipher cipher;
    private final List<byte[]> records = new ArrayList<>();
    private int count;
    private boolean keepsRecords = true;
    private long goodEnd;
    private String tornTail;

    private EncryptedLog(Path file, String name, AesGcmCipher cipher) {
        this.file = file;
        this.name = name;
        this.cipher = cipher;
    }

    /**
     * Opens (creating when absent) the log at {@code file}, known in messages as {@code name}. A torn
     * tail is noted ({@link #tornTail()}) but left in the file until {@link #dropTornTail()}.
     *
     * @throws StoreCorruptedException when the log is damaged anywhere but a torn tail
     */
    static EncryptedLog open(Path file, String name, AesGcmCipher cipher) throws IOException {
        EncryptedLog log = new EncryptedLog(file, name, cipher);
        if (!Files.exists(file)) {
            AtomicFiles.createDirectories(file.getParent());
            AtomicFiles.write(file, MAGIC);
            log.goodEnd = MAGIC.length;
        } else {
            Parsed p = parse(Files.readAllBytes(file), name, cipher, false);
            p.records.forEach(r -> log.records.add(r.plain()));
            log.count = log.records.size();
            log.goodEnd = p.goodEnd;
            log.tornTail = p.torn;
        }
        return log;
    }

    /** Reads every record that can be read, noting the others, without changing the file. */
    static Scan scan(Path file, String name, AesGcmCipher cipher) throws IOException {
        Parsed p = parse(Files.readAllBytes(file), name, cipher, true);
        String tail = p.damagedTail != null ? p.damagedTail : p.torn;
        return new Scan(List.copyOf(p.records), tail);
    }

    private static final class Parsed {
        final List<Scanned> records = new ArrayList<>();
        long goodEnd;
        String torn;
        String damagedTail;
    }

    private static Parsed parse(byte[] all, String name, AesGcmCipher cipher, boolean lenient)
            throws StoreCorruptedException {
        Parsed out = new Parsed();
        if (all.length < MAGIC.length || !Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            // the header is written atomically with the file, so this is outside damage, never a crash
            String problem = all.length == 0 ? "the file is empty (its header is missing)"
                    : onlyZerosFrom(all, 0) ? "the file holds only zeros (" + all.length + " bytes)"
                    : "it does not start like an encrypted store log (header missing or overwritten)";
            if (!lenient) {
                throw new StoreCorruptedException(name, problem);
            }
            out.damagedTail = problem;
            return out;
        }
        int pos = MAGIC.length;
        out.goodEnd = pos;
        int index = 0;
        while (pos < all.length) {
            int rest = all.length - pos;
            if (rest < 4) {
                out.torn = "record " + index + " was cut off after " + rest + " bytes of its length";
                break;
            }
            int len = ByteBuffer.wrap(all, pos, 4).getInt();
            if (len < AesGcmCipher.OVERHEAD || len > MAX_RECORD) {
                if (onlyZerosFrom(all, pos) && rest <= MAX_TORN_ZEROS) {
                    out.torn = "zeros where record " + index + " should start (" + rest + " bytes)";
                    break;
                }
                String problem = "record " + index + " has an impossible length: it and everything after it ("
                        + rest + " bytes) cannot be read";
                if (!lenient) {
                    throw new StoreCorruptedException(name, problem);
                }
                out.damagedTail = problem;
                break;
            }
            int bodyStart = pos + 4;
            if (all.length - bodyStart < len) {
                out.torn = "record " + index + " is incomplete (" + (all.length - bodyStart) + " of " + len + " bytes)";
                break;
            }
            boolean last = bodyStart + len == all.length;
            try {
                byte[] plain = cipher.open(all, bodyStart, len, context(name, index), name);
                out.records.add(new Scanned(index, plain, null));
            } catch (StoreCorruptedException e) {
                if (last && onlyZerosFrom(all, all.length - TAG_BYTES)) {
                    out.torn = "record " + index + " ends in zeros (written when the station stopped)";
                    break;
                }
                String problem = "record " + index + " fails its authentication check (altered, damaged, moved"
                        + " from elsewhere, or written with another key)";
                if (!lenient) {
                    throw new StoreCorruptedException(name, problem, e);
                }
                out.records.add(new Scanned(index, null, problem));
            }
            pos = bodyStart + len;
            index++;
            out.goodEnd = pos;
        }
        return out;
    }

    private static boolean onlyZerosFrom(byte[] all, int pos) {
        for (int i = Math.max(0, pos); i < all.length; i++) {
            if (all[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String context(String name, int sequence) {
        return "log:" + name + ":" + sequence;
    }

    /** The decrypted records, in order. */
    synchronized List<byte[]> records() {
        if (!keepsRecords) {
            throw new IllegalStateException(name + " no longer keeps its records in memory");
        }
        return List.copyOf(records);
    }

    /** Stops keeping the records in memory (the caller keeps them); appends go on. */
    synchronized void forgetRecords() {
        keepsRecords = false;
        records.clear();
    }

    /** How many records the log holds. */
    synchronized int size() {
        return count;
    }

    /** What an interrupted append left at the end of the file (in words), or null when the end is clean. */
    synchronized String tornTail() {
        return tornTail;
    }

    /** Cuts a torn tail off the file (it was never acknowledged); a no-op when there is none. */
    synchronized void dropTornTail() throws IOException {
        if (tornTail == null) {
            return;
        }
        long size = Files.size(file);
        LOG.warning(() -> "dropping an incomplete last record of " + name + " (" + (size - goodEnd) + " bytes): "
                + tornTail);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(goodEnd);
            ch.force(true);
        }
        tornTail = null;
    }

    /** Encrypts, appends and fsyncs one record; durable once this returns. */
    synchronized void append(byte[] plain) throws IOException {
        dropTornTail();
        byte[] sealed = cipher.seal(plain, context(name, count));
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
            goodEnd = before + 4 + sealed.length;
        }
        count++;
        if (keepsRecords) {
            records.add(plain);
        }
    }

    String name() {
        return name;
    }

    Path file() {
        return file;
    }
}
