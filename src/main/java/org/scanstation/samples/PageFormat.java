package org.scanstation.samples;

/** The file format a generated page is written in. */
public enum PageFormat {
    /** 8-bit grey JPEG, the usual output of a document scanner. */
    JPG("jpg"),
    /** 8-bit grey PNG. */
    PNG("png"),
    /** 1-bit CCITT Group 4 TIFF, as bilevel scanners and archives write. */
    TIF("tif");

    private final String extension;

    PageFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Parses "jpg", "jpeg", "png", "tif", "tiff" (any case). */
    public static PageFormat parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        switch (t) {
            case "jpg": case "jpeg": return JPG;
            case "png": return PNG;
            case "tif": case "tiff": return TIF;
            default: throw new IllegalArgumentException("unknown page format '" + text + "' (use jpg, png or tif)");
        }
    }
}
