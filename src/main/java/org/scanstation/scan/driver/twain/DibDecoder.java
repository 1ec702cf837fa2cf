package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes a Windows device-independent bitmap (a packed DIB: {@code BITMAPINFOHEADER}, palette,
 * pixels), which is what a native transfer hands back on Windows. Reads 1, 4 and 8 bits with a
 * palette, 16, 24 and 32 bits, bottom-up (height &gt; 0) and top-down (height &lt; 0), rows padded to 4
 * bytes; JPEG and PNG payloads ({@code BI_JPEG}, {@code BI_PNG}) through ImageIO. Pages come out as
 * the station's types: bilevel ({@code TYPE_BYTE_BINARY}, 0 black), grey ({@code TYPE_BYTE_GRAY}) or
 * colour ({@code TYPE_INT_RGB}), whatever order the palette is in.
 */
final class DibDecoder {

    private static final int BI_RGB = 0;
    private static final int BI_RLE8 = 1;
    private static final int BI_RLE4 = 2;
    private static final int BI_BITFIELDS = 3;
    private static final int BI_JPEG = 4;
    private static final int BI_PNG = 5;
    private static final int CORE_HEADER = 12;
    /** Enough to read any header and know the whole size. */
    static final int HEADER_BYTES = 40;
    private static final long MAX_PIXELS = 40_000L * 40_000L;

    private DibDecoder() {
    }

    /** A page and the resolution its header states (0 when it states none). */
    record Decoded(BufferedImage image, int dpi) {
    }

    /** The header's facts, enough to know where everything is. */
    private record Header(int headerSize, int width, int height, boolean topDown, int bitCount, int compression,
                          int sizeImage, int xPelsPerMeter, int paletteEntries, int paletteEntrySize,
                          int paletteOffset, int pixelOffset, int stride) {

        long byteLength() {
            boolean packedPixels = compression == BI_RGB || compression == BI_BITFIELDS;
            return pixelOffset + (packedPixels ? (long) stride * height : Integer.toUnsignedLong(sizeImage));
        }
    }

    /** How many bytes the DIB starting with {@code start} (at least {@link #HEADER_BYTES} of it) takes. */
    static long byteLength(ByteBuffer start) {
        return header(order(start)).byteLength();
    }

    static Decoded decode(ByteBuffer dib) {
        ByteBuffer b = order(dib);
        Header h = header(b);
        if (b.limit() < h.byteLength()) {
            throw new IllegalArgumentException("the bitmap is cut short: " + b.limit() + " of " + h.byteLength() + " bytes");
        }
        int dpi = h.xPelsPerMeter() > 0 ? (int) Math.round(h.xPelsPerMeter() * 0.0254) : 0;
        if (h.compression() == BI_JPEG || h.compression() == BI_PNG) {
            return new Decoded(embedded(b, h), dpi);
        }
        if (h.compression() == BI_RLE8 || h.compression() == BI_RLE4) {
            throw new IllegalArgumentException("run-length compressed bitmaps are not read; ask the scanner for"
                    + " uncompressed pages");
        }
        int[] palette = palette(b, h);
        BufferedImage image = switch (h.bitCount()) {
            case 1, 4, 8 -> indexed(b, h, palette);
            case 16, 24, 32 -> direct(b, h);
            default -> throw new IllegalArgumentException(h.bitCount() + "-bit bitmaps are not read");
        };
        return new Decoded(image, dpi);
    }

    private static ByteBuffer order(ByteBuffer dib) {
        ByteBuffer b = dib.slice().order(ByteOrder.LITTLE_ENDIAN);
        // a bitmap file ("BM" and a 14-byte file header) instead of a packed DIB
        if (b.limit() >= 14 + CORE_HEADER && b.get(0) == 'B' && b.get(1) == 'M') {
            b = b.position(14).slice().order(ByteOrder.LITTLE_ENDIAN);
        }
        return b;
    }

    private static Header header(ByteBuffer b) {
        if (b.limit() < 4) {
            throw new IllegalArgumentException("not a bitmap: " + b.limit() + " bytes");
        }
        int headerSize = b.getInt(0);
        int width;
        int height;
        int bitCount;
        int compression = BI_RGB;
        int sizeImage = 0;
        int xPels = 0;
        int clrUsed = 0;
        int entrySize = 4;
        if (headerSize == CORE_HEADER) {
            need(b, CORE_HEADER);
            width = b.getShort(4) & 0xFFFF;
            height = b.getShort(6) & 0xFFFF;
            bitCount = b.getShort(10) & 0xFFFF;
            entrySize = 3;
        } else if (headerSize >= 40 && headerSize <= 1024) {
            need(b, 40);
            width = b.getInt(4);
            height = b.getInt(8);
            bitCount = b.getShort(14) & 0xFFFF;
            compression = b.getInt(16);
            sizeImage = b.getInt(20);
            xPels = b.getInt(24);
            clrUsed = b.getInt(32);
        } else {
            throw new IllegalArgumentException("not a bitmap: header size " + headerSize);
        }
        boolean topDown = height < 0;
        height = Math.abs(height);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("bitmap of absurd size " + width + " x " + height);
        }
        int entries = 0;
        if (bitCount >= 1 && bitCount <= 8 && compression != BI_JPEG && compression != BI_PNG) {
            entries = clrUsed != 0 ? clrUsed : 1 << bitCount;
            if (entries < 0 || entries > 256) {
                throw new IllegalArgumentException("bitmap palette of " + Integer.toUnsignedString(clrUsed) + " colours");
            }
        }
        int masks = compression == BI_BITFIELDS && headerSize == 40 ? 12 : 0;
        int paletteOffset = headerSize + masks;
        int pixelOffset = paletteOffset + entries * entrySize;
        int stride = (int) (((long) width * bitCount + 31) / 32 * 4);
        return new Header(headerSize, width, height, topDown, bitCount, compression, sizeImage, xPels, entries,
                entrySize, paletteOffset, pixelOffset, stride);
    }

    private static void need(ByteBuffer b, int n) {
        if (b.limit() < n) {
            throw new IllegalArgumentException("the bitmap header is cut short");
        }
    }

    private static int[] palette(ByteBuffer b, Header h) {
        int[] rgb = new int[h.paletteEntries()];
        for (int i = 0; i < rgb.length; i++) {
            int at = h.paletteOffset() + i * h.paletteEntrySize();
            int blue = b.get(at) & 0xFF;
            int green = b.get(at + 1) & 0xFF;
            int red = b.get(at + 2) & 0xFF;
            rgb[i] = red << 16 | green << 8 | blue;
        }
        return rgb;
    }

    /** The offset of image row {@code y} (0 = top) in the buffer. */
    private static int rowOffset(Header h, int y) {
        int stored = h.topDown() ? y : h.height() - 1 - y;
        return h.pixelOffset() + stored * h.stride();
    }

    private static BufferedImage indexed(ByteBuffer b, Header h, int[] palette) {
        int w = h.width();
        int bits = h.bitCount();
        boolean gray = allGray(palette);
        if (bits == 1 && gray && palette.length == 2 && luminance(palette[0]) != luminance(palette[1])) {
            return bilevel(b, h, luminance(palette[0]) > luminance(palette[1]));
        }
        BufferedImage out = new BufferedImage(w, h.height(), gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        byte[] grayPixels = gray ? ((DataBufferByte) out.getRaster().getDataBuffer()).getData() : null;
        int[] rgbPixels = gray ? null : ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int perByte = 8 / bits;
        int mask = (1 << bits) - 1;
        for (int y = 0; y < h.height(); y++) {
            int row = rowOffset(h, y);
            for (int x = 0; x < w; x++) {
                int byteValue = b.get(row + x / perByte) & 0xFF;
                int shift = 8 - bits * (x % perByte + 1);
                int index = (byteValue >> shift) & mask;
                int colour = index < palette.length ? palette[index] : 0;
                if (gray) {
                    grayPixels[y * w + x] = (byte) (colour & 0xFF);
                } else {
                    rgbPixels[y * w + x] = colour;
                }
            }
        }
        return out;
    }

    /** A 1-bit page as {@code TYPE_BYTE_BINARY} (bit 0 black); {@code invert} when the palette says 0 is white. */
    private static BufferedImage bilevel(ByteBuffer b, Header h, boolean invert) {
        BufferedImage out = new BufferedImage(h.width(), h.height(), BufferedImage.TYPE_BYTE_BINARY);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int rowBytes = (h.width() + 7) / 8;
        int spare = rowBytes * 8 - h.width();
        int lastMask = spare == 0 ? 0xFF : (0xFF << spare) & 0xFF;
        for (int y = 0; y < h.height(); y++) {
            int row = rowOffset(h, y);
            for (int i = 0; i < rowBytes; i++) {
                int v = b.get(row + i) & 0xFF;
                if (invert) {
                    v = ~v & 0xFF;
                }
                if (i == rowBytes - 1) {
                    v &= lastMask;
                }
                dst[y * rowBytes + i] = (byte) v;
            }
        }
        return out;
    }

    private static BufferedImage direct(ByteBuffer b, Header h) {
        int w = h.width();
        int[] masks = masks(b, h);
        BufferedImage out = new BufferedImage(w, h.height(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h.height(); y++) {
            int row = rowOffset(h, y);
            for (int x = 0; x < w; x++) {
                int rgb;
                if (h.bitCount() == 24) {
                    int at = row + x * 3;
                    rgb = (b.get(at + 2) & 0xFF) << 16 | (b.get(at + 1) & 0xFF) << 8 | (b.get(at) & 0xFF);
                } else {
                    int v = h.bitCount() == 32 ? b.getInt(row + x * 4) : b.getShort(row + x * 2) & 0xFFFF;
                    rgb = channel(v, masks[0]) << 16 | channel(v, masks[1]) << 8 | channel(v, masks[2]);
                }
                dst[y * w + x] = rgb;
            }
        }
        return out;
    }

    /** Red, green, blue masks: the BI_BITFIELDS ones, or BI_RGB's defaults (5-5-5 for 16 bits, 8-8-8 for 32). */
    private static int[] masks(ByteBuffer b, Header h) {
        if (h.compression() == BI_BITFIELDS) {
            // after a 40-byte header, or inside a V4/V5 header: at offset 40 either way
            return new int[]{b.getInt(40), b.getInt(44), b.getInt(48)};
        }
        return h.bitCount() == 16 ? new int[]{0x7C00, 0x03E0, 0x001F} : new int[]{0xFF0000, 0x00FF00, 0x0000FF};
    }

    /** The channel selected by {@code mask}, scaled to 0-255. */
    private static int channel(int value, int mask) {
        if (mask == 0) {
            return 0;
        }
        int shift = Integer.numberOfTrailingZeros(mask);
        int max = mask >>> shift;
        int v = (value & mask) >>> shift;
        return max == 255 ? v : (int) Math.round(v * 255.0 / max);
    }

    private static BufferedImage embedded(ByteBuffer b, Header h) {
        if (h.sizeImage() <= 0) {
            throw new IllegalArgumentException("the bitmap's compressed picture has no size");
        }
        byte[] data = new byte[h.sizeImage()];
        b.get(h.pixelOffset(), data);
        // a page of patient data: cached in memory, never in an imageio*.tmp file in the temporary folder
        try {
            // ImageIO.read closes the stream
            BufferedImage img = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(data)));
            if (img == null) {
                throw new IllegalArgumentException("the bitmap's compressed picture cannot be read");
            }
            return PageImages.normalise(img);
        } catch (IOException e) {
            throw new IllegalArgumentException("the bitmap's compressed picture cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean allGray(int[] palette) {
        for (int c : palette) {
            int r = c >> 16 & 0xFF;
            int g = c >> 8 & 0xFF;
            int bl = c & 0xFF;
            if (r != g || g != bl) {
                return false;
            }
        }
        return true;
    }

    private static int luminance(int rgb) {
        return rgb & 0xFF;
    }
}
