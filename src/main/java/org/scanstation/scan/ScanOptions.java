package org.scanstation.scan;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to ask the scanner for. Immutable; use the {@code withXxx} methods to derive variants.
 *
 * @param resolution  dots per inch (the driver picks the nearest the device supports)
 * @param mode        colour mode
 * @param source      paper source
 * @param area        part of the glass/feeder to scan, or {@code null} for the whole area
 * @param pageTimeout how long the driver may go without any sign of progress before the scan is
 *                    abandoned as hung (the watchdog); a hot folder's driver signals progress on
 *                    every poll, so this is not the hot folder's idle time
 */
public record ScanOptions(int resolution, ColorMode mode, PaperSource source, ScanArea area,
                          Duration pageTimeout) {

    public static final Duration DEFAULT_PAGE_TIMEOUT = Duration.ofSeconds(60);

    public ScanOptions {
        if (resolution < 25 || resolution > 4800) {
            throw new IllegalArgumentException(
                    "Resolution " + resolution + " dpi is out of range (25 to 4800 dpi)");
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pageTimeout, "pageTimeout");
        if (pageTimeout.isNegative() || pageTimeout.isZero()) {
            throw new IllegalArgumentException("Page time-out must be positive");
        }
    }

    /** 300 dpi grey from the document feeder: what a health-records station scans most. */
    public static ScanOptions defaults() {
        return new ScanOptions(300, ColorMode.GRAY, PaperSource.ADF, null, DEFAULT_PAGE_TIMEOUT);
    }

    public Optional<ScanArea> areaIfSet() {
        return Optional.ofNullable(area);
    }

    public ScanOptions withResolution(int dpi) {
        return new ScanOptions(dpi, mode, source, area, pageTimeout);
    }

    public ScanOptions withMode(ColorMode newMode) {
        return new ScanOptions(resolution, newMode, source, area, pageTimeout);
    }

    public ScanOptions withSource(PaperSource newSource) {
        return new ScanOptions(resolution, mode, newSource, area, pageTimeout);
    }

    public ScanOptions withArea(ScanArea newArea) {
        return new ScanOptions(resolution, mode, source, newArea, pageTimeout);
    }

    public ScanOptions withPageTimeout(Duration timeout) {
        return new ScanOptions(resolution, mode, source, area, timeout);
    }
}
