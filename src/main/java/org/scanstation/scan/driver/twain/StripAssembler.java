package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;

/**
 * Puts the strips of a memory transfer together into a page. Strips are uncompressed rows of
 * {@code BytesPerRow} bytes (padded), placed at their {@code YOffset}; black-and-white rows are one
 * bit per pixel (most significant bit first unless the source says otherwise), grey one byte, colour
 * three bytes in R, G, B order. A source that does not know the page length yet (length -1) sends
 * strips until done; rows are then kept as they come.
 */
final class StripAssembler {

    private final int width;
    private final int bitsPerPixel;
    private final boolean lsbFirst;
    private final boolean vanilla;
    private final int rowBytes;
    private final int knownLength;
    private final byte[] rows;
    private final ByteArrayOutputStream growing;
    private int rowsReceived;

    StripAssembler(ImageInfo info, boolean lsbFirst, boolean vanilla) {
        if (info.width() <= 0 || info.width() > 100_000) {
            throw new IllegalArgumentException("the scanner announced a page " + info.width() + " pixels wide");
        }
        if (info.bitsPerPixel() != 1 && info.bitsPerPixel() != 8 && info.bitsPerPixel() != 24) {
            throw new IllegalArgumentException("the scanner sends " + info.bitsPerPixel() + "-bit pages, which the"
                    + " station does not read (1-bit black and white, 8-bit grey and 24-bit colour are read)");
        }
        this.width = info.width();
        this.bitsPerPixel = info.bitsPerPixel();
        this.lsbFirst = lsbFirst;
        this.vanilla = vanilla;
        this.rowBytes = (width * bitsPerPixel + 7) / 8;
        this.knownLength = info.length() > 0 ? info.length() : -1;
        if (knownLength > 0 && (long) knownLength * rowBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the scanner announced a page of " + knownLength + " rows");
        }
        this.rows = knownLength > 0 ? new byte[knownLength * rowBytes] : null;
        this.growing = knownLength > 0 ? null : new ByteArrayOutputStream();
    }

    /** One strip: {@code stripRows} rows of {@code bytesPerRow} bytes starting at row {@code yOffset}. */
    void add(byte[] data, int bytesPerRow, int stripRows, int yOffset, int compression) {
        if (compression != TwainConstants.TWCP_NONE && compression != TwainConstants.TWON_DONTCARE16) {
            throw new IllegalArgumentException("the scanner sent a compressed strip (compression " + compression + ")");
        }
        if (bytesPerRow < rowBytes || (long) bytesPerRow * stripRows > data.length) {
            throw new IllegalArgumentException("a strip of " + stripRows + " rows of " + bytesPerRow + " bytes does not"
                    + " fit its " + data.length + " bytes (a row needs " + rowBytes + ")");
        }
        for (int r = 0; r < stripRows; r++) {
            int y = knownLength > 0 ? yOffset + r : rowsReceived;
            if (knownLength > 0) {
                if (y < 0 || y >= knownLength) {
                    throw new IllegalArgumentException("a strip row " + y + " outside the page's " + knownLength + " rows");
                }
                System.arraycopy(data, r * bytesPerRow, rows, y * rowBytes, rowBytes);
            } else {
                growing.write(data, r * bytesPerRow, rowBytes);
            }
            rowsReceived++;
        }
    }

    int rowsReceived() {
        return rowsReceived;
    }

    /** The page, as {@code TYPE_BYTE_BINARY}, {@code TYPE_BYTE_GRAY} or {@code TYPE_INT_RGB}. */
    BufferedImage image() {
        byte[] data = rows != null ? rows : growing.toByteArray();
        int height = rows != null ? knownLength : rowsReceived;
        if (height <= 0) {
            throw new IllegalArgumentException("the scanner sent a page without rows");
        }
        return switch (bitsPerPixel) {
            case 1 -> bilevel(data, height);
            case 8 -> gray(data, height);
            default -> colour(data, height);
        };
    }

    private BufferedImage bilevel(byte[] data, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int spare = rowBytes * 8 - width;
        int lastMask = spare == 0 ? 0xFF : (0xFF << spare) & 0xFF;
        for (int i = 0; i < rowBytes * height; i++) {
            int v = data[i] & 0xFF;
            if (lsbFirst) {
                v = Integer.reverse(v) >>> 24;
            }
            // TWAIN chocolate: 0 is black, as in TYPE_BYTE_BINARY; vanilla: 1 is black
            if (vanilla) {
                v = ~v & 0xFF;
            }
            if (i % rowBytes == rowBytes - 1) {
                v &= lastMask;
            }
            dst[i] = (byte) v;
        }
        return out;
    }

    private BufferedImage gray(byte[] data, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(data, 0, dst, 0, width * height);
        if (vanilla) {
            for (int i = 0; i < dst.length; i++) {
                dst[i] = (byte) ~dst[i];
            }
        }
        return out;
    }

    private BufferedImage colour(byte[] data, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < width * height; i++) {
            int at = i * 3;
            dst[i] = (data[at] & 0xFF) << 16 | (data[at + 1] & 0xFF) << 8 | (data[at + 2] & 0xFF);
        }
        return out;
    }
}
