package org.scanstation.scan.driver.twain;

/** The TWAIN item types ({@code TWTY_*}) a capability container can hold, with their size in bytes. */
enum ItemType {
    INT8(0x0, 1),
    INT16(0x1, 2),
    INT32(0x2, 4),
    UINT8(0x3, 1),
    UINT16(0x4, 2),
    UINT32(0x5, 4),
    BOOL(0x6, 2),
    FIX32(0x7, 4),
    FRAME(0x8, 16),
    STR32(0x9, 34),
    STR64(0xa, 66),
    STR128(0xb, 130),
    STR255(0xc, 256),
    STR1024(0xd, 1026),
    UNI512(0xe, 1024),
    /** A handle: pointer-sized (8 bytes on 64-bit Windows and Linux, 4 on 32-bit). */
    HANDLE(0xf, 8);

    private final int code;
    private final int size;

    ItemType(int code, int size) {
        this.code = code;
        this.size = size;
    }

    int code() {
        return code;
    }

    /** Bytes one item takes in a container ({@code pointerSize} for handles). */
    int size(int pointerSize) {
        return this == HANDLE ? pointerSize : size;
    }

    boolean isText() {
        return this == STR32 || this == STR64 || this == STR128 || this == STR255 || this == STR1024 || this == UNI512;
    }

    boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == UINT8 || this == UINT16 || this == UINT32
                || this == BOOL;
    }

    static ItemType of(int code) {
        for (ItemType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown TWAIN item type 0x" + Integer.toHexString(code));
    }
}
