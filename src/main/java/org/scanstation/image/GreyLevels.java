package org.scanstation.image;

/**
 * Counts of the grey levels of 8-bit pixels. A page is mostly one level of paper, and counting it into one
 * table makes each count wait for the one before (the same counter, over and over); four tables, one for every
 * fourth pixel, let four counts go at once: about twice as fast on a page, the same counts.
 */
public final class GreyLevels {

    private GreyLevels() {
    }

    /** How many of {@code px} have each level 0..255. */
    public static int[] of(byte[] px) {
        int[] four = new int[4 * 256];
        addFour(px, 0, px.length, four);
        int[] counts = new int[256];
        fold(four, counts);
        return counts;
    }

    /**
     * Adds the levels of {@code px[from, to)} to four interleaved tables ({@code four[t * 256 + level]}, t = 0..3),
     * for callers that count many short stretches before they {@link #fold} the tables.
     */
    public static void addFour(byte[] px, int from, int to, int[] four) {
        int i = from;
        for (; i + 3 < to; i += 4) {
            four[px[i] & 0xff]++;
            four[256 + (px[i + 1] & 0xff)]++;
            four[512 + (px[i + 2] & 0xff)]++;
            four[768 + (px[i + 3] & 0xff)]++;
        }
        for (; i < to; i++) {
            four[px[i] & 0xff]++;
        }
    }

    /** Sets {@code counts[level]} to the sum of the four tables' counts of that level. */
    public static void fold(int[] four, int[] counts) {
        for (int v = 0; v < 256; v++) {
            counts[v] = four[v] + four[256 + v] + four[512 + v] + four[768 + v];
        }
    }
}
