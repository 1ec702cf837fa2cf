package org.scanstation.scan;

import java.util.List;

/** A named paper size in millimetres (portrait). */
public record PageSize(String name, double widthMm, double heightMm) {

    public static final PageSize A4 = new PageSize("A4", 210, 297);
    public static final PageSize A5 = new PageSize("A5", 148, 210);
    public static final PageSize LETTER = new PageSize("Letter", 215.9, 279.4);
    public static final PageSize LEGAL = new PageSize("Legal", 215.9, 355.6);

    /** The sizes a station offers, smallest first. */
    public static final List<PageSize> COMMON = List.of(A5, A4, LETTER, LEGAL);

    /** The common sizes that fit in a scanner whose largest area is {@code maxWidthMm x maxHeightMm}. */
    public static List<PageSize> fitting(double maxWidthMm, double maxHeightMm) {
        // scanners report their maximum a fraction of a millimetre short of the nominal size
        double tolerance = 1.0;
        return COMMON.stream()
                .filter(s -> s.widthMm() <= maxWidthMm + tolerance && s.heightMm() <= maxHeightMm + tolerance)
                .toList();
    }
}
