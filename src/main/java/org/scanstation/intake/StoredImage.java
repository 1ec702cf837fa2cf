package org.scanstation.intake;

/**
 * A page image as kept in the encrypted store.
 *
 * @param bytes     the encoded image (the scanner's own file for single-page JPEG/PNG/TIFF inputs)
 * @param mediaType {@code image/jpeg}, {@code image/png}, {@code image/tiff}, or
 *                  {@code application/octet-stream} for a file that could not be decoded
 */
public record StoredImage(byte[] bytes, String mediaType) {

    public static final String UNDECODABLE = "application/octet-stream";
}
