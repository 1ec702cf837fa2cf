package org.scanstation.scan.driver.twain;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The TIFF a native transfer hands back on Linux (and macOS): a TIFF file in a manager handle,
 * without its length. The length is worked out from the first directory (the end of every value and
 * strip it points to); the page is then read with the JDK's own TIFF reader.
 */
final class NativeTiff {

    static final String JDK_TIFF_READER = "com.sun.imageio.plugins.tiff.TIFFImageReader";
    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;
    private static final long MAX_BYTES = 1L << 31;

    /** Reads {@code length} bytes at {@code offset} of the handle's memory. */
    interface Bytes {
        byte[] read(long offset, int length);
    }

    private NativeTiff() {
    }

    /** How many bytes the TIFF takes: the furthest end of its header, first directory, values and strips. */
    static long byteLength(Bytes in) {
        ByteBuffer head = ByteBuffer.wrap(in.read(0, 8));
        ByteOrder order = switch (head.getShort(0)) {
            case 0x4949 -> ByteOrder.LITTLE_ENDIAN;
            case 0x4D4D -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("the native transfer is not a TIFF file");
        };
        head.order(order);
        if (head.getShort(2) != 42) {
            throw new IllegalArgumentException("the native transfer is not a classic TIFF file");
        }
        long ifd = Integer.toUnsignedLong(head.getInt(4));
        int entries = ByteBuffer.wrap(in.read(ifd, 2)).order(order).getShort(0) & 0xFFFF;
        long end = ifd + 2 + entries * 12L + 4;
        ByteBuffer dir = ByteBuffer.wrap(in.read(ifd + 2, entries * 12)).order(order);
        long[] offsets = null;
        long[] counts = null;
        for (int i = 0; i < entries; i++) {
            int at = i * 12;
            int tag = dir.getShort(at) & 0xFFFF;
            int type = dir.getShort(at + 2) & 0xFFFF;
            long count = Integer.toUnsignedLong(dir.getInt(at + 4));
            long size = count * typeSize(type);
            if (size > 4) {
                end = Math.max(end, Integer.toUnsignedLong(dir.getInt(at + 8)) + size);
            }
            if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
                offsets = values(in, order, dir, at, type, count);
            } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
                counts = values(in, order, dir, at, type, count);
            }
        }
        if (offsets == null || counts == null || offsets.length != counts.length) {
            throw new IllegalArgumentException("the native transfer's TIFF has no strips");
        }
        for (int i = 0; i < offsets.length; i++) {
            end = Math.max(end, offsets[i] + counts[i]);
        }
        if (end > MAX_BYTES) {
            throw new IllegalArgumentException("the native transfer's TIFF claims " + end + " bytes");
        }
        return end;
    }

    /** The page in {@code tiff}, as one of the station's image types. */
    static BufferedImage decode(byte[] tiff) throws IOException {
        ImageReader reader = jdkReader();
        // a page of patient data: cached in memory, never in an imageio*.tmp file in the temporary folder
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            reader.setInput(in, true, true);
            return PageImages.normalise(reader.read(0));
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jdkReader() throws IOException {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
        ImageReader fallback = null;
        while (it.hasNext()) {
            ImageReader r = it.next();
            if (r.getClass().getName().equals(JDK_TIFF_READER)) {
                return r;
            }
            fallback = fallback == null ? r : fallback;
        }
        if (fallback == null) {
            throw new IOException("no TIFF reader is available");
        }
        return fallback;
    }

    private static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;
            case 3, 8 -> 2;
            case 4, 9, 11 -> 4;
            case 5, 10, 12 -> 8;
            default -> 1;
        };
    }

    private static long[] values(Bytes in, ByteOrder order, ByteBuffer dir, int at, int type, long count) {
        if (count > 1 << 20) {
            throw new IllegalArgumentException("the native transfer's TIFF has " + count + " strips");
        }
        int size = typeSize(type);
        ByteBuffer data = count * size <= 4 ? dir.duplicate().order(order).position(at + 8).slice().order(order)
                : ByteBuffer.wrap(in.read(Integer.toUnsignedLong(dir.getInt(at + 8)), (int) (count * size))).order(order);
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = size == 2 ? data.getShort(i * 2) & 0xFFFF : Integer.toUnsignedLong(data.getInt(i * 4));
        }
        return out;
    }
}
