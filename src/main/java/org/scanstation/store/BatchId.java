package org.scanstation.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An opaque, random batch identifier (128 bits, 32 lowercase hex digits). It names the batch's
 * folder and the uploaded documents, so it never carries anything about the patient.
 */
public record BatchId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public BatchId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a batch id is 32 lowercase hex digits");
        }
    }

    public static BatchId random() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return new BatchId(HexFormat.of().formatHex(b));
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
