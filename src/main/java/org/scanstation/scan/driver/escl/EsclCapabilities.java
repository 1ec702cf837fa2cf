package org.scanstation.scan.driver.escl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanCapabilities;
import org.w3c.dom.Element;

/**
 * A scanner's {@code ScannerCapabilities} document, read into what the station needs. Real devices
 * differ: some have no {@code Platen} (sheet-fed), some list only {@code AdfDuplexInputCaps}, some
 * give resolution ranges instead of discrete values. Sizes are in 1/300 inch.
 */
record EsclCapabilities(String makeAndModel, Map<PaperSource, InputCaps> inputs) {

    private static final List<Integer> TYPICAL_DPI = List.of(75, 100, 150, 200, 300, 400, 600, 1200);

    /** What one input source offers. */
    record InputCaps(Set<String> colorModes, List<Integer> resolutions, Set<String> formats,
                     int maxWidth, int maxHeight) {
    }

    static EsclCapabilities parse(byte[] xml) throws IOException {
        Element root = EsclXml.parse(xml);
        String name = EsclXml.text(root, "MakeAndModel");
        Map<PaperSource, InputCaps> inputs = new EnumMap<>(PaperSource.class);
        Element platen = EsclXml.child(EsclXml.child(root, "Platen"), "PlatenInputCaps");
        if (platen != null) {
            inputs.put(PaperSource.FLATBED, inputCaps(platen));
        }
        Element adf = EsclXml.child(root, "Adf");
        Element simplex = EsclXml.child(adf, "AdfSimplexInputCaps");
        Element duplex = EsclXml.child(adf, "AdfDuplexInputCaps");
        boolean duplexOption = EsclXml.descendants(adf, "AdfOption").stream()
                .anyMatch(o -> o.getTextContent().trim().equals("Duplex"));
        if (simplex != null) {
            inputs.put(PaperSource.ADF, inputCaps(simplex));
        } else if (duplex != null) {
            inputs.put(PaperSource.ADF, inputCaps(duplex)); // a duplex feeder also feeds one side
        }
        if (duplex != null) {
            inputs.put(PaperSource.DUPLEX, inputCaps(duplex));
        } else if (duplexOption && simplex != null) {
            inputs.put(PaperSource.DUPLEX, inputCaps(simplex));
        }
        return new EsclCapabilities(name == null ? "eSCL scanner" : name, inputs);
    }

    private static InputCaps inputCaps(Element caps) {
        Set<String> modes = new LinkedHashSet<>();
        Set<String> formats = new LinkedHashSet<>();
        TreeSet<Integer> dpi = new TreeSet<>();
        for (Element profile : EsclXml.descendants(caps, "SettingProfile")) {
            EsclXml.descendants(profile, "ColorMode").forEach(e -> modes.add(e.getTextContent().trim()));
            EsclXml.descendants(profile, "DocumentFormatExt").forEach(e -> formats.add(e.getTextContent().trim()));
            EsclXml.descendants(profile, "DocumentFormat").forEach(e -> formats.add(e.getTextContent().trim()));
            for (Element r : EsclXml.descendants(profile, "DiscreteResolution")) {
                int x = EsclXml.intOr(r, "XResolution", 0);
                if (x > 0) {
                    dpi.add(x);
                }
            }
            for (Element range : EsclXml.descendants(profile, "XResolutionRange")) {
                int min = EsclXml.intOr(range, "Min", 0);
                int max = EsclXml.intOr(range, "Max", 0);
                TYPICAL_DPI.stream().filter(d -> d >= min && d <= max).forEach(dpi::add);
            }
        }
        return new InputCaps(modes, new ArrayList<>(dpi), formats,
                EsclXml.intOr(caps, "MaxWidth", 0), EsclXml.intOr(caps, "MaxHeight", 0));
    }

    static ColorMode colorModeOf(String escl) {
        return switch (escl) {
            case "RGB24", "RGB48" -> ColorMode.COLOR;
            case "Grayscale8", "Grayscale16" -> ColorMode.GRAY;
            case "BlackAndWhite1" -> ColorMode.LINEART;
            default -> null;
        };
    }

    ScanCapabilities toScanCapabilities() {
        Set<ColorMode> modes = EnumSet.noneOf(ColorMode.class);
        TreeSet<Integer> dpi = new TreeSet<>();
        TreeSet<Integer> depths = new TreeSet<>();
        double maxW = 0;
        double maxH = 0;
        for (InputCaps in : inputs.values()) {
            for (String m : in.colorModes()) {
                ColorMode cm = colorModeOf(m);
                if (cm != null) {
                    modes.add(cm);
                }
                depths.add(m.endsWith("16") || m.endsWith("48") ? 16 : m.endsWith("1") ? 1 : 8);
            }
            if (!modes.isEmpty()) {
                modes.add(ColorMode.LINEART); // grey is thresholded by the station when the device has no 1-bit mode
            }
            dpi.addAll(in.resolutions());
            maxW = Math.max(maxW, in.maxWidth() * 25.4 / 300);
            maxH = Math.max(maxH, in.maxHeight() * 25.4 / 300);
        }
        return new ScanCapabilities(new ArrayList<>(dpi), modes, new ArrayList<>(depths),
                EnumSet.copyOf(inputs.isEmpty() ? EnumSet.of(PaperSource.FLATBED) : inputs.keySet()),
                PageSize.fitting(maxW, maxH), maxW, maxH);
    }
}
