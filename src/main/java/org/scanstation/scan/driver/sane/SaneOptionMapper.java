package org.scanstation.scan.driver.sane;

import au.com.southsky.jfreesane.OptionValueConstraintType;
import au.com.southsky.jfreesane.OptionValueType;
import au.com.southsky.jfreesane.RangeConstraint;
import au.com.southsky.jfreesane.SaneDevice;
import au.com.southsky.jfreesane.SaneException;
import au.com.southsky.jfreesane.SaneOption;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanArea;
import org.scanstation.scan.ScanCapabilities;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanOptions;

/**
 * Maps the station's options onto SANE's well-known options ({@code mode}, {@code depth},
 * {@code resolution}, {@code source}, {@code tl-x/tl-y/br-x/br-y}) and reads capabilities back.
 * Backends name their modes and sources freely ("Gray", "Grayscale", "Lineart", "Binary",
 * "Automatic Document Feeder", "ADF Duplex", ...), so values are matched by keywords.
 */
final class SaneOptionMapper {

    private static final List<Integer> TYPICAL_DPI = List.of(75, 100, 150, 200, 300, 400, 600, 1200);

    private SaneOptionMapper() {
    }

    /** Sets the options on an open device; returns the resolution actually set. */
    static int apply(SaneDevice device, ScanOptions options) throws IOException, SaneException {
        setSource(device, options.source());
        setMode(device, options.mode());
        int dpi = setResolution(device, options.resolution());
        Optional<ScanArea> area = options.areaIfSet();
        if (area.isPresent()) {
            setArea(device, area.get());
        }
        return dpi;
    }

    static ScanCapabilities capabilities(SaneDevice device) throws IOException, SaneException {
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        SaneOption mode = option(device, "mode");
        List<Integer> depths = new ArrayList<>();
        SaneOption depth = option(device, "depth");
        if (depth != null && depth.getConstraintType() == OptionValueConstraintType.VALUE_LIST_CONSTRAINT) {
            depths.addAll(depth.getIntegerValueListConstraint());
        }
        if (mode != null) {
            for (String m : mode.getStringConstraints()) {
                colorModeOf(m).ifPresent(modes::add);
            }
            if (depths.contains(1) && modes.contains(ColorMode.GRAY)) {
                modes.add(ColorMode.LINEART);
            }
        }
        Set<PaperSource> sources = EnumSet.noneOf(PaperSource.class);
        SaneOption source = option(device, "source");
        if (source != null) {
            for (String s : source.getStringConstraints()) {
                paperSourceOf(s).ifPresent(sources::add);
            }
        } else {
            sources.add(PaperSource.FLATBED);
        }
        double maxW = maxOf(option(device, "br-x"));
        double maxH = maxOf(option(device, "br-y"));
        return new ScanCapabilities(resolutions(option(device, "resolution")), modes, depths, sources,
                PageSize.fitting(maxW, maxH), maxW, maxH);
    }

    static Optional<ColorMode> colorModeOf(String saneMode) {
        String m = saneMode.toLowerCase(Locale.ROOT);
        if (m.contains("color") || m.contains("colour") || m.contains("rgb")) {
            return Optional.of(ColorMode.COLOR);
        }
        if (m.contains("gray") || m.contains("grey")) {
            return Optional.of(ColorMode.GRAY);
        }
        if (m.contains("lineart") || m.contains("binary") || m.contains("black") || m.equals("bw")
                || m.contains("halftone")) {
            return Optional.of(ColorMode.LINEART);
        }
        return Optional.empty();
    }

    static Optional<PaperSource> paperSourceOf(String saneSource) {
        String s = saneSource.toLowerCase(Locale.ROOT);
        if (s.contains("duplex")) {
            return Optional.of(PaperSource.DUPLEX);
        }
        if (s.contains("adf") || s.contains("feeder") || s.contains("automatic")) {
            return s.contains("back") ? Optional.empty() : Optional.of(PaperSource.ADF);
        }
        if (s.contains("flatbed") || s.contains("platen") || s.contains("glass") || s.equals("normal")) {
            return Optional.of(PaperSource.FLATBED);
        }
        return Optional.empty();
    }

    private static void setSource(SaneDevice device, PaperSource wanted) throws IOException, SaneException {
        SaneOption source = option(device, "source");
        if (source == null) {
            if (wanted != PaperSource.FLATBED) {
                throw unsupported("This scanner has no document feeder (no 'source' option); use the flatbed.");
            }
            return;
        }
        List<String> values = source.getStringConstraints();
        for (String v : values) {
            if (paperSourceOf(v).orElse(null) == wanted) {
                source.setStringValue(v);
                return;
            }
        }
        throw unsupported("This scanner has no " + wanted.id() + " source. It offers: " + String.join(", ", values) + ".");
    }

    private static void setMode(SaneDevice device, ColorMode wanted) throws IOException, SaneException {
        SaneOption mode = option(device, "mode");
        SaneOption depth = option(device, "depth");
        if (mode == null) {
            return; // a backend without modes scans in its one mode
        }
        List<String> values = mode.getStringConstraints();
        for (String v : values) {
            if (colorModeOf(v).orElse(null) == wanted) {
                mode.setStringValue(v);
                setDepthIfPossible(option(device, "depth"), wanted == ColorMode.LINEART ? 1 : 8);
                return;
            }
        }
        // e.g. SANE's test backend: no "Lineart" mode, but Gray with depth 1
        if (wanted == ColorMode.LINEART && depth != null) {
            for (String v : values) {
                if (colorModeOf(v).orElse(null) == ColorMode.GRAY) {
                    mode.setStringValue(v);
                    if (setDepthIfPossible(option(device, "depth"), 1)) {
                        return;
                    }
                }
            }
        }
        throw unsupported("This scanner cannot scan in " + wanted.id() + ". It offers: " + String.join(", ", values) + ".");
    }

    private static boolean setDepthIfPossible(SaneOption depth, int bits) throws IOException, SaneException {
        if (depth == null || !depth.isActive() || !depth.isWriteable()) {
            return false;
        }
        if (depth.getConstraintType() == OptionValueConstraintType.VALUE_LIST_CONSTRAINT
                && !depth.getIntegerValueListConstraint().contains(bits)) {
            return false;
        }
        depth.setIntegerValue(bits);
        return true;
    }

    private static int setResolution(SaneDevice device, int wanted) throws IOException, SaneException {
        SaneOption res = option(device, "resolution");
        if (res == null || !res.isWriteable()) {
            return wanted;
        }
        int target = nearest(resolutions(res), wanted, res);
        if (res.getType() == OptionValueType.FIXED) {
            return (int) Math.round(res.setFixedValue(target));
        }
        return res.setIntegerValue(target);
    }

    private static int nearest(List<Integer> listed, int wanted, SaneOption res) {
        if (res.getConstraintType() == OptionValueConstraintType.RANGE_CONSTRAINT) {
            RangeConstraint r = res.getRangeConstraints();
            double min = res.getType() == OptionValueType.FIXED ? r.getMinimumFixed() : r.getMinimumInteger();
            double max = res.getType() == OptionValueType.FIXED ? r.getMaximumFixed() : r.getMaximumInteger();
            return (int) Math.max(Math.ceil(min), Math.min(Math.floor(max), wanted));
        }
        return listed.stream()
                .min((a, b) -> Integer.compare(Math.abs(a - wanted), Math.abs(b - wanted)))
                .orElse(wanted);
    }

    private static void setArea(SaneDevice device, ScanArea area) throws IOException, SaneException {
        SaneOption tlx = option(device, "tl-x");
        SaneOption tly = option(device, "tl-y");
        SaneOption brx = option(device, "br-x");
        SaneOption bry = option(device, "br-y");
        if (tlx == null || tly == null || brx == null || bry == null) {
            throw unsupported("This scanner does not let the scan area be chosen.");
        }
        if (area.rightMm() > maxOf(brx) + 0.5 || area.bottomMm() > maxOf(bry) + 0.5) {
            throw unsupported(String.format(Locale.ROOT, "The scan area (%.0f x %.0f mm) is larger than the scanner's (%.0f x %.0f mm).",
                    area.rightMm(), area.bottomMm(), maxOf(brx), maxOf(bry)));
        }
        // bottom-right first, so the top-left never lies beyond the current bottom-right
        setLength(brx, area.rightMm());
        setLength(bry, area.bottomMm());
        setLength(tlx, area.leftMm());
        setLength(tly, area.topMm());
    }

    private static void setLength(SaneOption option, double mm) throws IOException, SaneException {
        if (option.getType() == OptionValueType.FIXED) {
            option.setFixedValue(mm);
        } else {
            option.setIntegerValue((int) Math.round(mm));
        }
    }

    private static List<Integer> resolutions(SaneOption res) {
        if (res == null) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        switch (res.getConstraintType()) {
            case VALUE_LIST_CONSTRAINT -> {
                if (res.getType() == OptionValueType.FIXED) {
                    res.getFixedValueListConstraint().forEach(d -> out.add((int) Math.round(d)));
                } else {
                    out.addAll(res.getIntegerValueListConstraint());
                }
            }
            case RANGE_CONSTRAINT -> {
                RangeConstraint r = res.getRangeConstraints();
                boolean fixed = res.getType() == OptionValueType.FIXED;
                double min = fixed ? r.getMinimumFixed() : r.getMinimumInteger();
                double max = fixed ? r.getMaximumFixed() : r.getMaximumInteger();
                TYPICAL_DPI.stream().filter(d -> d >= min && d <= max).forEach(out::add);
            }
            default -> {
            }
        }
        return List.copyOf(out);
    }

    private static double maxOf(SaneOption option) {
        if (option == null || option.getConstraintType() != OptionValueConstraintType.RANGE_CONSTRAINT) {
            return 0;
        }
        RangeConstraint r = option.getRangeConstraints();
        return option.getType() == OptionValueType.FIXED ? r.getMaximumFixed() : r.getMaximumInteger();
    }

    /** Sets backend-specific options given as text, converting to each option's type. */
    static void applyBackendOptions(SaneDevice device, java.util.Map<String, String> values)
            throws IOException, SaneException {
        for (java.util.Map.Entry<String, String> e : values.entrySet()) {
            SaneOption o = device.getOption(e.getKey());
            if (o == null || !o.isWriteable()) {
                throw unsupported("This scanner has no setting '" + e.getKey() + "'.");
            }
            if (!o.isActive()) {
                throw unsupported("The scanner setting '" + e.getKey() + "' is not active now (it depends on another setting).");
            }
            String v = e.getValue().trim();
            try {
                switch (o.getType()) {
                    case BOOLEAN -> o.setBooleanValue(v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true") || v.equals("1"));
                    case INT -> o.setIntegerValue(Integer.parseInt(v));
                    case FIXED -> o.setFixedValue(Double.parseDouble(v));
                    case STRING -> o.setStringValue(v);
                    case BUTTON -> o.setButtonValue();
                    default -> {
                    }
                }
            } catch (NumberFormatException ex) {
                throw unsupported("Setting '" + e.getKey() + "' needs a number, not '" + v + "'.");
            }
        }
    }

    private static SaneOption option(SaneDevice device, String name) throws IOException {
        SaneOption o = device.getOption(name);
        return o != null && o.isActive() ? o : null;
    }

    private static org.scanstation.scan.ScanException unsupported(String message) {
        return new org.scanstation.scan.ScanException(ScanError.UNSUPPORTED_OPTION, message);
    }
}
