package org.scanstation.image;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a TIFF file's chain of page directories (IFDs) itself, before any decoder runs: every offset
 * is checked against the file's length, a chain that points back to a page already seen is a loop
 * (cut there, not followed forever), the chain is cut at a page cap, and each page's strips or tiles
 * must lie inside the file. What cannot be read is kept as a page with a reason, never dropped.
 */
final class TiffPageChain {

    /** One entry of the chain: a page to decode, or a page that is known to be damaged or missing. */
    sealed interface Entry {
        /**
         * A page directory to decode (the reader's image index is its position in the chain), with the
         * values of its short tags (SHORT, LONG, RATIONAL as numerator and denominator) and its strips.
         */
        record Page(long offset, Map<Integer, long[]> tags) implements Entry {
            long tag(int tag, long fallback) {
                long[] v = tags.get(tag);
                return v == null || v.length == 0 ? fallback : v[0];
            }
        }

        /** A page directory whose image cannot be read as it is (e.g. its data runs past the file's end). */
        record Damaged(long offset, String reason) implements Entry {
        }

        /** Pages that should follow but cannot be found; always the last entry. */
        record Missing(String reason) implements Entry {
        }
    }

    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;

    private final RandomAccessFile file;
    private final long length;
    private final boolean little;
    private final PageDeadline deadline;

    private TiffPageChain(RandomAccessFile file, boolean little, PageDeadline deadline) throws IOException {
        this.file = file;
        this.length = file.length();
        this.little = little;
        this.deadline = deadline;
    }

    /**
     * The pages of a classic TIFF file in chain order.
     *
     * @throws IOException when the file cannot be read at all, or is not a TIFF file
     */
    static List<Entry> walk(Path path, int maxPages, PageDeadline deadline) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "r")) {
            if (raf.length() < 8) {
                throw new UnreadableFileException("the TIFF file ends inside its 8-byte header ("
                        + raf.length() + " bytes)");
            }
            byte[] head = new byte[4];
            raf.readFully(head);
            boolean little = head[0] == 'I' && head[1] == 'I';
            if (!little && !(head[0] == 'M' && head[1] == 'M')) {
                throw new UnreadableFileException("not a TIFF file");
            }
            return new TiffPageChain(raf, little, deadline).pages(maxPages);
        }
    }

    private List<Entry> pages(int maxPages) throws IOException {
        List<Entry> pages = new ArrayList<>();
        Map<Long, Integer> seen = new HashMap<>();
        long offset = u32(4);
        if (offset == 0) {
            pages.add(new Entry.Missing("the TIFF file lists no page at all (its first page offset is 0)"));
            return pages;
        }
        while (offset != 0) {
            deadline.check();
            int number = pages.size() + 1;
            Integer earlier = seen.get(offset);
            if (earlier != null) {
                pages.add(new Entry.Missing("the TIFF file's page chain points back to page " + earlier + " after page "
                        + (number - 1) + ": it is damaged, and any pages after page " + (number - 1)
                        + " cannot be found"));
                return pages;
            }
            if (pages.size() == maxPages) {
                pages.add(new Entry.Missing("the TIFF file lists more than " + maxPages + " pages: the pages after page "
                        + maxPages + " are not read"));
                return pages;
            }
            if (offset < 8 || offset + 2 > length) {
                pages.add(new Entry.Missing(offset + 2 > length
                        ? "the TIFF file ends early: page " + number + " should start at byte " + offset
                                + " but the file has only " + length + " bytes"
                        : "the TIFF file is damaged: page " + number + "'s directory offset (" + offset + ") is not valid"));
                return pages;
            }
            int entries = u16(offset);
            long next = offset + 2 + 12L * entries;
            if (next + 4 > length) {
                pages.add(new Entry.Missing("the TIFF file ends early, in the middle of page " + number + "'s directory"));
                return pages;
            }
            seen.put(offset, number);
            Map<Integer, long[]> tags = new HashMap<>();
            String damage = readTags(offset, entries, number, tags);
            pages.add(damage == null ? new Entry.Page(offset, tags) : new Entry.Damaged(offset, damage));
            offset = u32(next);
        }
        return pages;
    }

    /**
     * Reads the page's tags into {@code tags} (short ones, and the strip and tile lists); returns why the
     * page's image data is not all inside the file, or null when it is.
     */
    private String readTags(long ifd, int entries, int number, Map<Integer, long[]> tags) throws IOException {
        for (int i = 0; i < entries; i++) {
            long e = ifd + 2 + 12L * i;
            int tag = u16(e);
            boolean data = tag == STRIP_OFFSETS || tag == STRIP_BYTE_COUNTS || tag == TILE_OFFSETS || tag == TILE_BYTE_COUNTS;
            long count = u32(e + 4);
            if (!data && count > 4) {
                continue;
            }
            long[] values = values(e);
            if (values == null) {
                if (data) {
                    return "the TIFF file ends early: page " + number + "'s list of image data runs past the end of the file";
                }
                continue;
            }
            tags.put(tag, values);
        }
        String strips = outside(tags.get(STRIP_OFFSETS), tags.get(STRIP_BYTE_COUNTS), number);
        return strips != null ? strips : outside(tags.get(TILE_OFFSETS), tags.get(TILE_BYTE_COUNTS), number);
    }

    private String outside(long[] offsets, long[] counts, int number) {
        if (offsets == null || counts == null) {
            return null;
        }
        long needed = 0;
        for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
            needed = Math.max(needed, offsets[i] + counts[i]);
        }
        if (needed > length) {
            return "the TIFF file ends early: page " + number + "'s image data runs to byte " + needed
                    + " but the file has only " + length + " bytes";
        }
        return null;
    }

    /**
     * The SHORT, LONG or RATIONAL (numerator, denominator) values of an IFD entry, or null when they lie
     * outside the file; empty for other types and for lists too long to be worth checking.
     */
    private long[] values(long entry) throws IOException {
        int type = u16(entry + 2);
        long count = u32(entry + 4);
        if (type == 5) {
            count *= 2;
        }
        int size = type == 3 ? 2 : type == 4 || type == 5 ? 4 : 0;
        if (size == 0 || count == 0 || count > (1 << 20)) {
            return new long[0];
        }
        long bytes = count * size;
        long at = bytes <= 4 ? entry + 8 : u32(entry + 8);
        if (at + bytes > length) {
            return null;
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            if ((i & 0xfff) == 0) {
                deadline.check();
            }
            out[i] = size == 2 ? u16(at + 2L * i) : u32(at + 4L * i);
        }
        return out;
    }

    private int u16(long at) throws IOException {
        file.seek(at);
        int a = file.read();
        int b = file.read();
        if ((a | b) < 0) {
            throw new java.io.EOFException();
        }
        return little ? (b << 8) | a : (a << 8) | b;
    }

    private long u32(long at) throws IOException {
        file.seek(at);
        byte[] b = new byte[4];
        file.readFully(b);
        long v0 = b[0] & 0xff;
        long v1 = b[1] & 0xff;
        long v2 = b[2] & 0xff;
        long v3 = b[3] & 0xff;
        return little ? (v3 << 24) | (v2 << 16) | (v1 << 8) | v0 : (v0 << 24) | (v1 << 16) | (v2 << 8) | v3;
    }
}
