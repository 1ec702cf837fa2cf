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

    /**
     * One line for people, e.g. {@code 75-1200 dpi; gray, color, lineart; 1/8/16 bit; flatbed, adf;
     * up to 200 x 200 mm}, in a stable order (for the {@code devices} command and the UI).
     */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        if (!resolutions.isEmpty()) {
            List<Integer> sorted = resolutions.stream().sorted().toList();
            parts.add(sorted.size() > 4
                    ? sorted.get(0) + "-" + sorted.get(sorted.size() - 1) + " dpi"
                    : String.join("/", sorted.stream().map(String::valueOf).toList()) + " dpi");
        }
        if (!modes.isEmpty()) {
            parts.add(String.join(", ", java.util.Arrays.stream(ColorMode.values())
                    .filter(modes::contains).map(ColorMode::id).toList()));
        }
        if (!bitDepths.isEmpty()) {
            parts.add(String.join("/", bitDepths.stream().sorted().map(String::valueOf).toList()) + " bit");
        }
        if (!sources.isEmpty()) {
            parts.add(String.join(", ", java.util.Arrays.stream(PaperSource.values())
                    .filter(sources::contains).map(PaperSource::id).toList()));
        }
        if (maxWidthMm > 0 && maxHeightMm > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "up to %.0f x %.0f mm", maxWidthMm, maxHeightMm));
        }
        return String.join("; ", parts);
    }
}
