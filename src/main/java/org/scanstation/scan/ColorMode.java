package org.scanstation.scan;

import java.util.Locale;

/** How the scanner samples colour. */
public enum ColorMode {
    /** 1 bit per pixel, black and white (good for typed case notes, smallest files). */
    LINEART,
    /** 8 bits of grey per pixel (the default for health records). */
    GRAY,
    /** 24-bit RGB. */
    COLOR;

    /** Parses {@code gray|grey|color|colour|lineart|bw}, case-insensitive. */
    public static ColorMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "gray", "grey", "grayscale", "greyscale" -> GRAY;
            case "color", "colour", "rgb" -> COLOR;
            case "lineart", "bw", "black-and-white", "binary" -> LINEART;
            default -> throw new IllegalArgumentException(
                    "Unknown colour mode '" + text + "': use gray, color or lineart");
        };
    }

    /** The lower-case name used in URIs, JSON and the CLI. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
