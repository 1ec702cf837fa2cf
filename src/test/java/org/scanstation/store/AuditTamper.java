package org.scanstation.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attacker can do to a store's audit trail: without the key, cut it or flip bytes; with the
 * store key (which the clerk's account can read), decrypt it, change, reorder, remove or add records,
 * recompute the hash chain and encrypt it all again. For tests of {@code audit --verify}.
 */
public final class AuditTamper {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path log;
    private final AesGcmCipher cipher;

    public AuditTamper(Path store, KeyStoreProvider key) throws IOException {
        this.log = store.resolve("audit").resolve("audit.log");
        this.cipher = new AesGcmCipher(key.key());
    }

    /** The decrypted records of audit/audit.log. */
    public List<byte[]> records() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (EncryptedLog.Scanned s : EncryptedLog.scan(log, "audit/audit.log", cipher).records()) {
            out.add(s.plain());
        }
        return out;
    }

    /** Without the key: keeps the first {@code keep} records and cuts the rest off at a record boundary. */
    public void cutAfter(int keep) throws IOException {
        long end = recordStart(keep);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
            ch.truncate(end);
        }
    }

    /** Without the key: flips one bit in the middle of record {@code index}'s ciphertext. */
    public void flipByteIn(int index) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int start = (int) recordStart(index);
        int len = ByteBuffer.wrap(all, start, 4).getInt();
        all[start + 4 + len / 2] ^= 0x10;
        Files.write(log, all);
    }

    /** Without the key: swaps two encrypted records as they are. */
    public void swapEncrypted(int a, int b) throws IOException {
        byte[] all = Files.readAllBytes(log);
        List<byte[]> chunks = new ArrayList<>();
        int pos = 4;
        while (pos < all.length) {
            int len = ByteBuffer.wrap(all, pos, 4).getInt();
            byte[] c = new byte[4 + len];
            System.arraycopy(all, pos, c, 0, c.length);
            chunks.add(c);
            pos += 4 + len;
        }
        byte[] tmp = chunks.get(a);
        chunks.set(a, chunks.get(b));
        chunks.set(b, tmp);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(all, 0, 4);
        for (byte[] c : chunks) {
            out.write(c);
        }
        Files.write(log, out.toByteArray());
    }

    /** With the key: encrypts {@code records} as the whole of audit/audit.log, as given. */
    public void rewrite(List<byte[]> records) throws IOException {
        Path fresh = log.resolveSibling("forged.tmp");
        Files.deleteIfExists(fresh);
        EncryptedLog forged = EncryptedLog.open(fresh, "audit/audit.log", cipher);
        for (byte[] r : records) {
            forged.append(r);
        }
        Files.move(fresh, log, StandardCopyOption.REPLACE_EXISTING);
    }

    /** With the key: sets {@code seq} and {@code prev} of every record so the chain is whole again. */
    public static List<byte[]> rechain(List<byte[]> records) throws IOException {
        List<byte[]> out = new ArrayList<>();
        String prev = AuditTrail.NO_PREVIOUS;
        for (int i = 0; i < records.size(); i++) {
            ObjectNode n = (ObjectNode) JSON.readTree(records.get(i));
            n.put("seq", i);
            n.put("prev", prev);
            byte[] bytes = JSON.writeValueAsBytes(n);
            out.add(bytes);
            prev = Sha256.hex(bytes);
        }
        return out;
    }

    /** With the key: record {@code index} with one field set to another text (chain fields untouched). */
    public static byte[] withField(byte[] record, String field, String value) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(record);
        n.put(field, value);
        return JSON.writeValueAsBytes(n);
    }

    public static String type(byte[] record) throws IOException {
        return JSON.readTree(record).path("type").asText();
    }

    private long recordStart(int index) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int pos = 4;
        for (int i = 0; i < index; i++) {
            pos += 4 + ByteBuffer.wrap(all, pos, 4).getInt();
        }
        return pos;
    }
}
