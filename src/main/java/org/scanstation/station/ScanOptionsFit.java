package org.scanstation.station;

import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.scanstation.config.StationConfig;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanController;
import org.scanstation.scan.ScanOptions;

/** A scan profile turned into scan options, made to fit what the device can do. */
final class ScanOptionsFit {

    private static final Logger LOG = Logger.getLogger(ScanOptionsFit.class.getName());

    private ScanOptionsFit() {
    }

    static ScanOptions optionsFor(StationConfig.ScanProfile profile) {
        ScanOptions o = ScanOptions.defaults();
        if (profile == null) {
            return o;
        }
        if (profile.resolution() != null) {
            o = o.withResolution(profile.resolution());
        }
        if (profile.mode() != null) {
            o = o.withMode(ColorMode.parse(profile.mode()));
        }
        if (profile.source() != null) {
            o = o.withSource(PaperSource.parse(profile.source()));
        }
        return o;
    }

    /**
     * What the device cannot do of the profile, as a warning for the clerk before scanning (e.g. a duplex
     * profile on a scanner without duplex scans one side only); empty when it fits or the device cannot say.
     */
    static java.util.Optional<String> misfit(ScanController scanner, String deviceUri, StationConfig.ScanProfile profile) {
        ScanOptions options = optionsFor(profile);
        try {
            ScanCapabilities caps = scanner.capabilities(deviceUri);
            if (!caps.sources().isEmpty() && !caps.sources().contains(options.source())) {
                PaperSource fallback = caps.sources().contains(PaperSource.ADF) ? PaperSource.ADF
                        : caps.sources().iterator().next();
                if (options.source() == PaperSource.DUPLEX) {
                    return java.util.Optional.of("This scanner cannot scan both sides (no duplex): only the front of"
                            + " each sheet would be scanned, from the " + words(fallback) + ". Scan the backs"
                            + " separately, or choose a profile for one side.");
                }
                return java.util.Optional.of("This scanner has no " + words(options.source()) + ": it would scan from"
                        + " the " + words(fallback) + ".");
            }
            if (!caps.modes().isEmpty() && !caps.modes().contains(options.mode())) {
                return java.util.Optional.of("This scanner cannot scan in " + options.mode().name().toLowerCase()
                        + ": it would scan in another mode.");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "capabilities unknown", e);
        }
        return java.util.Optional.empty();
    }

    private static String words(PaperSource s) {
        return switch (s) {
            case ADF -> "document feeder";
            case FLATBED -> "flatbed";
            case DUPLEX -> "duplex feeder";
        };
    }

    /**
     * The options made to fit the device (a simplex scanner scans one side of a duplex profile); the
     * clerk is told of a changed source. Options are left as they are when the device cannot say.
     */
    static ScanOptions fit(ScanController scanner, String deviceUri, ScanOptions options, Consumer<String> notice) {
        try {
            ScanCapabilities caps = scanner.capabilities(deviceUri);
            if (!caps.sources().isEmpty() && !caps.sources().contains(options.source())) {
                PaperSource fallback = caps.sources().contains(PaperSource.ADF) ? PaperSource.ADF
                        : caps.sources().iterator().next();
                notice.accept("This scanner has no " + options.source().name().toLowerCase() + " source: using "
                        + fallback.name().toLowerCase() + ".");
                options = options.withSource(fallback);
            }
            if (!caps.modes().isEmpty() && !caps.modes().contains(options.mode())) {
                ColorMode mode = caps.modes().contains(ColorMode.GRAY) ? ColorMode.GRAY : caps.modes().iterator().next();
                options = options.withMode(mode);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "capabilities unknown", e);
        }
        return options;
    }
}
