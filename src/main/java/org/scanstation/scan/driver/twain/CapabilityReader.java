package org.scanstation.scan.driver.twain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;

/**
 * Reads what an open source (state 4) can do into {@link ScanCapabilities}: each capability's
 * constraint (enumeration, range or one value) for resolution and pixel type, the bit depths of each
 * pixel type, feeder and duplex (tried, since many sources report only the current value of a
 * boolean), and the largest scan area. Whatever it changes while trying is reset.
 */
final class CapabilityReader {

    private static final List<Integer> TYPICAL_DPI = List.of(75, 100, 150, 200, 240, 300, 400, 600, 1200);
    private static final double MM_PER_INCH = 25.4;

    private final Capabilities caps;

    private CapabilityReader(TwainSession session) {
        this.caps = new Capabilities(session);
    }

    static ScanCapabilities read(TwainSession session) {
        return new CapabilityReader(session).read();
    }

    private ScanCapabilities read() {
        caps.set(TwainConstants.ICAP_UNITS, TwainConstants.TWUN_INCHES);
        List<Integer> resolutions = resolutions();
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        List<Integer> depths = new ArrayList<>();
        pixelTypes(modes, depths);
        Set<PaperSource> sources = sources();
        double widthMm = caps.currentNumber(TwainConstants.ICAP_PHYSICALWIDTH).map(v -> v * MM_PER_INCH).orElse(0.0);
        double heightMm = caps.currentNumber(TwainConstants.ICAP_PHYSICALHEIGHT).map(v -> v * MM_PER_INCH).orElse(0.0);
        List<PageSize> sizes = widthMm > 0 && heightMm > 0 ? PageSize.fitting(widthMm, heightMm) : namedSizes();
        return new ScanCapabilities(resolutions, modes, depths, sources, sizes, widthMm, heightMm);
    }

    private List<Integer> resolutions() {
        Optional<Container> c = caps.get(TwainConstants.ICAP_XRESOLUTION);
        if (c.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        if (c.get() instanceof Container.Range r) {
            out.add((int) Math.round(r.min()));
            out.add((int) Math.round(r.max()));
            for (int dpi : TYPICAL_DPI) {
                if (r.contains(dpi)) {
                    out.add(dpi);
                }
            }
        } else {
            for (double v : CapabilityValues.numbers(c.get())) {
                out.add((int) Math.round(v));
            }
        }
        return List.copyOf(out);
    }

    private void pixelTypes(Set<ColorMode> modes, List<Integer> depths) {
        Optional<Container> types = caps.get(TwainConstants.ICAP_PIXELTYPE);
        if (types.isEmpty()) {
            return;
        }
        TreeSet<Integer> allDepths = new TreeSet<>();
        for (double t : CapabilityValues.numbers(types.get())) {
            ColorMode mode = switch ((int) t) {
                case TwainConstants.TWPT_BW -> ColorMode.LINEART;
                case TwainConstants.TWPT_GRAY -> ColorMode.GRAY;
                case TwainConstants.TWPT_RGB -> ColorMode.COLOR;
                default -> null;
            };
            if (mode == null) {
                continue;
            }
            modes.add(mode);
            if (caps.setAndConfirm(TwainConstants.ICAP_PIXELTYPE, (int) t)) {
                caps.get(TwainConstants.ICAP_BITDEPTH).ifPresent(d -> CapabilityValues.numbers(d)
                        .forEach(v -> allDepths.add((int) Math.round(v))));
            }
        }
        caps.reset(TwainConstants.ICAP_PIXELTYPE);
        depths.addAll(allDepths);
    }

    private Set<PaperSource> sources() {
        Set<PaperSource> out = EnumSet.noneOf(PaperSource.class);
        if (caps.current(TwainConstants.CAP_FEEDERENABLED).isEmpty()) {
            out.add(PaperSource.FLATBED);
            return out;
        }
        if (caps.setAndConfirm(TwainConstants.CAP_FEEDERENABLED, false)) {
            out.add(PaperSource.FLATBED);
        }
        if (caps.setAndConfirm(TwainConstants.CAP_FEEDERENABLED, true)) {
            out.add(PaperSource.ADF);
            boolean duplexDevice = caps.currentNumber(TwainConstants.CAP_DUPLEX)
                    .map(v -> v != TwainConstants.TWDX_NONE).orElse(true);
            if (duplexDevice && caps.current(TwainConstants.CAP_DUPLEXENABLED).isPresent()
                    && caps.setAndConfirm(TwainConstants.CAP_DUPLEXENABLED, true)) {
                out.add(PaperSource.DUPLEX);
            }
            caps.reset(TwainConstants.CAP_DUPLEXENABLED);
        }
        caps.reset(TwainConstants.CAP_FEEDERENABLED);
        return out;
    }

    private List<PageSize> namedSizes() {
        Optional<Container> sizes = caps.get(TwainConstants.ICAP_SUPPORTEDSIZES);
        List<PageSize> out = new ArrayList<>();
        if (sizes.isEmpty()) {
            return out;
        }
        for (double code : CapabilityValues.numbers(sizes.get())) {
            switch ((int) code) {
                case TwainConstants.TWSS_A5 -> out.add(PageSize.A5);
                case TwainConstants.TWSS_A4 -> out.add(PageSize.A4);
                case TwainConstants.TWSS_USLETTER -> out.add(PageSize.LETTER);
                case TwainConstants.TWSS_USLEGAL -> out.add(PageSize.LEGAL);
                default -> {
                }
            }
        }
        return PageSize.COMMON.stream().filter(out::contains).toList();
    }
}
