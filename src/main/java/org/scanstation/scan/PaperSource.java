package org.scanstation.scan;

import java.util.Locale;

/** Where the paper is: on the glass, or in the automatic document feeder (one or both sides). */
public enum PaperSource {
    FLATBED,
    /** Automatic document feeder, front side of each sheet. */
    ADF,
    /** Automatic document feeder, both sides of each sheet (front, back, front, back, ...). */
    DUPLEX;

    /** Parses {@code flatbed|adf|duplex}, case-insensitive. */
    public static PaperSource parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "flatbed", "platen", "glass" -> FLATBED;
            case "adf", "feeder" -> ADF;
            case "duplex", "adf-duplex" -> DUPLEX;
            default -> throw new IllegalArgumentException(
                    "Unknown paper source '" + text + "': use flatbed, adf or duplex");
        };
    }

    /** True for the document feeder sources, which deliver pages until the feeder is empty. */
    public boolean isFeeder() {
        return this != FLATBED;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
