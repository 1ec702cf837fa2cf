package org.scanstation.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh random 96-bit nonce per message. A sealed message is
 * {@code nonce(12) || ciphertext || tag(16)}. The associated data binds a message to its place
 * (the file's store-relative name, or the journal record's sequence number), so a file swapped or
 * a record moved is detected like a flipped bit.
 */
public final class AesGcmCipher {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    /** Bytes added to every message: nonce plus tag. */
    public static final int OVERHEAD = NONCE_BYTES + TAG_BITS / 8;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public AesGcmCipher(SecretKey key) {
        if (key.getEncoded() == null || key.getEncoded().length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        this.key = key;
    }

    /** Encrypts and authenticates {@code plain} bound to {@code context}. */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + c.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            c.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Decrypts a sealed message, checking its tag.
     *
     * @param name the store-relative file name reported if the check fails
     * @throws StoreCorruptedException when the tag does not match (damaged, truncated, moved, wrong key)
     */
    public byte[] open(byte[] sealed, int offset, int length, String context, String name) throws StoreCorruptedException {
        if (length < OVERHEAD) {
            throw new StoreCorruptedException(name, "too short to be an encrypted record");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return c.doFinal(sealed, offset + NONCE_BYTES, length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new StoreCorruptedException(name, "authentication tag mismatch", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    public byte[] open(byte[] sealed, String context, String name) throws StoreCorruptedException {
        return open(sealed, 0, sealed.length, context, name);
    }
}
