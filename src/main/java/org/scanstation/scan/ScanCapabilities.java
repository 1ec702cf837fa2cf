package org.scanstation.scan;

import java.util.List;
import java.util.Set;

/**
 * What a device can do, as far as its driver can tell.
 *
 * @param resolutions  supported resolutions in dpi (for a continuous range: a few typical values in it)
 * @param modes        supported colour modes
 * @param bitDepths    bits per sample the device offers (e.g. 1, 8, 16)
 * @param sources      paper sources
 * @param pageSizes    common page sizes that fit the largest scan area
 * @param maxWidthMm   width of the largest scan area, 0 when unknown
 * @param maxHeightMm  height of the largest scan area, 0 when unknown
 */
public record ScanCapabilities(List<Integer> resolutions, Set<ColorMode> modes, List<Integer> bitDepths,
                               Set<PaperSource> sources, List<PageSize> pageSizes,
                               double maxWidthMm, double maxHeightMm) {

    public ScanCapabilities {
        resolutions = List.copyOf(resolutions);
        modes = Set.copyOf(modes);
        bitDepths = List.copyOf(bitDepths);
        sources = Set.copyOf(sources);
        pageSizes = List.copyOf(pageSizes);
    }

    /** The resolution from {@link #resolutions()} closest to {@code wanted}, or {@code wanted} if none listed. */
    public int nearestResolution(int wanted) {
        return resolutions.stream()
                .min((a, b) -> Integer.compare(Math.abs(a - wanted), Math.abs(b - wanted)))
                .orElse(wanted);
    }
}
