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
