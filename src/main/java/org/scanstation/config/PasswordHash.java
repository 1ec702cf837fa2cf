package org.scanstation.config;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes for local accounts in the machine configuration:
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (salt and hash Base64). Never the password itself.
 * New hashes use {@value #ITERATIONS} iterations (OWASP's figure for PBKDF2-HMAC-SHA256); a stored
 * count outside {@value #MIN_ITERATIONS}..{@value #MAX_ITERATIONS} is refused: too few make a copied
 * file easy to crack, too many make every sign-in hang.
 */
public final class PasswordHash {

    public static final int ITERATIONS = 600_000;
    /** The fewest accepted: the count the station itself used before 600,000. */
    public static final int MIN_ITERATIONS = 210_000;
    /** The most accepted (several seconds per sign-in on a ward PC). */
    public static final int MAX_ITERATIONS = 5_000_000;

    private static final String PREFIX = "pbkdf2-sha256";
    private static final int MIN_SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private PasswordHash() {
    }

    public static String create(char[] password) {
        byte[] salt = new byte[MIN_SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(password, salt, ITERATIONS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + ITERATIONS + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** What is wrong with a stored hash, in words; empty when the station accepts it. */
    public static Optional<String> problem(String stored) {
        return parse(stored).isPresent() ? Optional.empty() : Optional.of(whyNot(stored));
    }

    /** True when the password matches; false for a wrong password or a hash the station does not accept. */
    public static boolean verify(char[] password, String stored) {
        Optional<Parsed> p = parse(stored);
        return p.isPresent() && MessageDigest.isEqual(p.get().hash(), derive(password, p.get().salt(), p.get().iterations()));
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Optional<Parsed> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length < MIN_SALT_BYTES
                    || hash.length != HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String whyNot(String stored) {
        if (stored == null || stored.isBlank()) {
            return "the account has no passwordHash";
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return "passwordHash is not of the form " + PREFIX + "$ITERATIONS$SALT$HASH";
        }
        try {
            long iterations = Long.parseLong(parts[1]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
                return "passwordHash uses " + iterations + " iterations; the station accepts " + MIN_ITERATIONS
                        + " to " + MAX_ITERATIONS + " (new hashes use " + ITERATIONS + ")";
            }
            if (Base64.getDecoder().decode(parts[2]).length < MIN_SALT_BYTES) {
                return "passwordHash has a salt shorter than " + MIN_SALT_BYTES + " bytes";
            }
            return "passwordHash must hold a " + HASH_BYTES + "-byte hash";
        } catch (IllegalArgumentException e) {
            return "passwordHash is not of the form " + PREFIX + "$ITERATIONS$SALT$HASH (Base64 salt and hash)";
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available in this Java runtime", e);
        }
    }
}
