package org.scanstation.image;

/** The page file formats, recognised by their first bytes (never by their names). */
enum FileKind {
    JPEG("jpeg", "JPEG"), PNG("png", "PNG"), TIFF("tiff", "TIFF"), PDF("pdf", "PDF"), BMP("bmp", "BMP"),
    GIF("gif", "GIF"), PNM("pnm", "PNM"), JPEG2000("jpeg2000", "JPEG 2000"), UNKNOWN("", "");

    /** The formats, for messages. */
    static final String NAMES = "JPEG, PNG, TIFF, PDF, BMP, GIF, PNM or JPEG 2000";

    /** The Image I/O format name. */
    final String format;
    /** The name a person knows. */
    final String label;

    FileKind(String format, String label) {
        this.format = format;
        this.label = label;
    }

    static FileKind sniff(byte[] h, int n) {
        if (n >= 3 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0xD8 && (h[2] & 0xff) == 0xFF) {
            return JPEG;
        }
        if (n >= 8 && (h[0] & 0xff) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return PNG;
        }
        if (n >= 4 && ((h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0)
                || (h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42))) {
            return TIFF;
        }
        if (n >= 6 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8' && (h[4] == '7' || h[4] == '9')
                && h[5] == 'a') {
            return GIF;
        }
        if (n >= 26 && h[0] == 'B' && h[1] == 'M') {
            return BMP;
        }
        if (n >= 3 && h[0] == 'P' && h[1] >= '1' && h[1] <= '6' && Character.isWhitespace(h[2])) {
            return PNM;
        }
        if ((n >= 12 && h[0] == 0 && h[1] == 0 && h[2] == 0 && h[3] == 12 && h[4] == 'j' && h[5] == 'P'
                && h[6] == ' ' && h[7] == ' ') || (n >= 4 && (h[0] & 0xff) == 0xFF && (h[1] & 0xff) == 0x4F
                && (h[2] & 0xff) == 0xFF && (h[3] & 0xff) == 0x51)) {
            return JPEG2000;
        }
        // a PDF header may follow some junk within the first kilobyte
        for (int i = 0; i + 4 < n; i++) {
            if (h[i] == '%' && h[i + 1] == 'P' && h[i + 2] == 'D' && h[i + 3] == 'F' && h[i + 4] == '-') {
                return PDF;
            }
        }
        return UNKNOWN;
    }
}
