package org.scanstation.scan.driver.twain;

/**
 * TWAIN's fixed-point number {@code TW_FIX32}: a signed 16-bit whole part followed by an unsigned
 * 16-bit fraction (in 1/65536). In memory (little-endian) the whole part comes first, so the 32 bits
 * read as one little-endian int are {@code whole | frac << 16}.
 */
final class Fix32 {

    private Fix32() {
    }

    /** The 32-bit pattern of {@code value}, rounded to the nearest 1/65536 as the specification asks. */
    static int pack(double value) {
        long scaled = Math.round(value * 65536.0);
        int whole = (int) (scaled >> 16);
        int frac = (int) (scaled & 0xFFFF);
        return (whole & 0xFFFF) | (frac << 16);
    }

    static double unpack(int bits) {
        short whole = (short) (bits & 0xFFFF);
        int frac = (bits >>> 16) & 0xFFFF;
        return whole + frac / 65536.0;
    }
}
