package org.scanstation.scan.driver.twain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scanstation.scan.ColorMode;
import org.scanstation.scan.PageSize;
import org.scanstation.scan.PaperSource;
import org.scanstation.scan.ScanArea;
import org.scanstation.scan.ScanError;
import org.scanstation.scan.ScanException;
import org.scanstation.scan.ScanOptions;

/**
 * Negotiates a scan with an open source (state 4), in the order the TWAIN specification recommends:
 * the source's own window and progress indicator off, transfer mode, paper source (feeder, duplex),
 * units, pixel type and bit depth, resolution, page size, number of pages, and the source's own
 * blank-page skipping off (the station decides what is blank). A setting the scan cannot do without
 * ends it with {@link ScanError#UNSUPPORTED_OPTION} and a sentence; a lesser one the source refuses
 * becomes a note, reported with the scan.
 */
final class ScanSetup {

    /** What was agreed with the source. */
    record Agreed(int dpi, ColorMode mode, TransferMode transfer, boolean lsbFirst, boolean vanilla, List<String> notes) {
        Agreed {
            notes = List.copyOf(notes);
        }
    }

    private final Capabilities caps;
    private final String name;
    private final List<String> notes = new ArrayList<>();

    private ScanSetup(TwainSession session) {
        this.caps = new Capabilities(session);
        this.name = session.sourceName();
    }

    static Agreed negotiate(TwainSession session, ScanOptions options, TransferMode preferred) {
        return new ScanSetup(session).apply(options, preferred);
    }

    private Agreed apply(ScanOptions options, TransferMode preferred) {
        if (!caps.setAndConfirm(TwainConstants.CAP_INDICATORS, false)) {
            note("The scanner would not switch off its own progress window (CAP_INDICATORS).");
        }
        TransferMode transfer = transferMode(preferred);
        paperSource(options.source());
        if (!caps.setAndConfirm(TwainConstants.ICAP_UNITS, TwainConstants.TWUN_INCHES)) {
            throw unsupported("The scanner " + name + " does not measure in inches (ICAP_UNITS), so its resolution"
                    + " cannot be set.");
        }
        pixelType(options.mode());
        bitDepth(options.mode());
        boolean lsbFirst = false;
        boolean vanilla = false;
        if (transfer == TransferMode.MEMORY) {
            uncompressed();
            if (options.mode() == ColorMode.LINEART && !caps.setAndConfirm(TwainConstants.ICAP_BITORDER, TwainConstants.TWBO_MSBFIRST)) {
                lsbFirst = caps.currentNumber(TwainConstants.ICAP_BITORDER).orElse(1.0) == TwainConstants.TWBO_LSBFIRST;
            }
            if (!caps.setAndConfirm(TwainConstants.ICAP_PIXELFLAVOR, TwainConstants.TWPF_CHOCOLATE)) {
                vanilla = caps.currentNumber(TwainConstants.ICAP_PIXELFLAVOR).orElse(0.0) == TwainConstants.TWPF_VANILLA;
            }
        }
        int dpi = resolution(options.resolution());
        options.areaIfSet().ifPresent(this::area);
        if (!caps.setAndConfirm(TwainConstants.CAP_XFERCOUNT, options.source().isFeeder() ? -1 : 1)) {
            note("The scanner would not take the number of pages to scan (CAP_XFERCOUNT); it decides itself.");
        }
        blankPagesKept();
        if (options.source().isFeeder()) {
            feederLoaded();
        }
        return new Agreed(dpi, options.mode(), transfer, lsbFirst, vanilla, notes);
    }

    private TransferMode transferMode(TransferMode preferred) {
        TransferMode other = preferred == TransferMode.NATIVE ? TransferMode.MEMORY : TransferMode.NATIVE;
        if (caps.setAndConfirm(TwainConstants.ICAP_XFERMECH, code(preferred))) {
            return preferred;
        }
        if (caps.setAndConfirm(TwainConstants.ICAP_XFERMECH, code(other))) {
            note("The scanner refused " + words(preferred) + " transfers (ICAP_XFERMECH): using " + words(other) + " transfers.");
            return other;
        }
        throw unsupported("The scanner " + name + " offers neither native nor memory transfers (ICAP_XFERMECH).");
    }

    private static int code(TransferMode mode) {
        return mode == TransferMode.NATIVE ? TwainConstants.TWSX_NATIVE : TwainConstants.TWSX_MEMORY;
    }

    private static String words(TransferMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    private void paperSource(PaperSource source) {
        boolean feeder = source.isFeeder();
        TwainSession.SetResult r = caps.set(TwainConstants.CAP_FEEDERENABLED, feeder);
        if (r.outcome() == TwainSession.SetResult.Outcome.UNSUPPORTED) {
            if (feeder) {
                note("The scanner does not say whether it has a document feeder (CAP_FEEDERENABLED);"
                        + " it scans from its only paper source.");
            }
        } else if (!r.accepted() && caps.currentNumber(TwainConstants.CAP_FEEDERENABLED).orElse(-1.0) != (feeder ? 1 : 0)) {
            throw unsupported(feeder ? "The scanner " + name + " has no document feeder: choose the flatbed."
                    : "The scanner " + name + " has no flatbed (glass): choose the document feeder.");
        }
        if (feeder && !caps.setAndConfirm(TwainConstants.CAP_AUTOFEED, true)
                && caps.current(TwainConstants.CAP_AUTOFEED).isPresent()) {
            note("The scanner would not feed the next sheet by itself (CAP_AUTOFEED).");
        }
        boolean duplex = source == PaperSource.DUPLEX;
        if (duplex) {
            boolean canDuplex = caps.currentNumber(TwainConstants.CAP_DUPLEX).orElse(0.0) != TwainConstants.TWDX_NONE
                    || caps.current(TwainConstants.CAP_DUPLEX).isEmpty();
            if (!canDuplex || !caps.setAndConfirm(TwainConstants.CAP_DUPLEXENABLED, true)) {
                throw unsupported("The scanner " + name + " cannot scan both sides of each sheet (it refused duplex,"
                        + " CAP_DUPLEXENABLED): scan one side from the feeder (adf) instead.");
            }
        } else if (caps.current(TwainConstants.CAP_DUPLEXENABLED).isPresent()
                && !caps.setAndConfirm(TwainConstants.CAP_DUPLEXENABLED, false)) {
            note("The scanner would not switch off two-sided scanning (CAP_DUPLEXENABLED): back sides will come too.");
        }
    }

    private void pixelType(ColorMode mode) {
        int code = switch (mode) {
            case LINEART -> TwainConstants.TWPT_BW;
            case GRAY -> TwainConstants.TWPT_GRAY;
            case COLOR -> TwainConstants.TWPT_RGB;
        };
        if (!caps.setAndConfirm(TwainConstants.ICAP_PIXELTYPE, code)) {
            String offered = caps.get(TwainConstants.ICAP_PIXELTYPE).map(c -> String.join(", ",
                    CapabilityValues.numbers(c).stream().map(v -> modeWords(v.intValue())).toList())).orElse("nothing");
            throw unsupported("The scanner " + name + " cannot scan in " + modeWords(code) + " (ICAP_PIXELTYPE). It offers: "
                    + offered + ".");
        }
    }

    static String modeWords(int pixelType) {
        return switch (pixelType) {
            case TwainConstants.TWPT_BW -> "black and white";
            case TwainConstants.TWPT_GRAY -> "grey";
            case TwainConstants.TWPT_RGB -> "colour";
            default -> "pixel type " + pixelType;
        };
    }

    private void bitDepth(ColorMode mode) {
        Optional<Container> depths = caps.get(TwainConstants.ICAP_BITDEPTH);
        if (depths.isEmpty()) {
            return;
        }
        int[] wanted = switch (mode) {
            case LINEART -> new int[]{1};
            case GRAY -> new int[]{8};
            case COLOR -> new int[]{24, 8};
        };
        for (int w : wanted) {
            if (CapabilityValues.allows(depths.get(), w)) {
                if (!caps.setAndConfirm(TwainConstants.ICAP_BITDEPTH, w)) {
                    note("The scanner refused " + w + "-bit pages (ICAP_BITDEPTH).");
                }
                return;
            }
        }
        note("The scanner offers no usual bit depth for " + mode.id() + " pages (ICAP_BITDEPTH); it uses its own.");
    }

    private void uncompressed() {
        if (!caps.setAndConfirm(TwainConstants.ICAP_COMPRESSION, TwainConstants.TWCP_NONE)
                && caps.currentNumber(TwainConstants.ICAP_COMPRESSION).orElse(0.0) != TwainConstants.TWCP_NONE) {
            throw unsupported("The scanner " + name + " would only send compressed strips (ICAP_COMPRESSION) in a memory"
                    + " transfer.");
        }
    }

    private int resolution(int wanted) {
        Optional<Container> allowed = caps.get(TwainConstants.ICAP_XRESOLUTION);
        double chosen = allowed.flatMap(c -> CapabilityValues.nearest(c, wanted)).orElse((double) wanted);
        boolean x = caps.setAndConfirm(TwainConstants.ICAP_XRESOLUTION, chosen);
        boolean y = caps.setAndConfirm(TwainConstants.ICAP_YRESOLUTION, chosen);
        double now = caps.currentNumber(TwainConstants.ICAP_XRESOLUTION).orElse(chosen);
        int dpi = (int) Math.round(now);
        if (!x || !y) {
            note("The scanner refused " + Math.round(chosen) + " dpi (ICAP_XRESOLUTION/ICAP_YRESOLUTION): it scans at "
                    + dpi + " dpi.");
        } else if (dpi != wanted) {
            note("The scanner does not offer " + wanted + " dpi: scanning at " + dpi + " dpi.");
        }
        return dpi;
    }

    private void area(ScanArea area) {
        Optional<Integer> named = namedSize(area);
        Optional<Container> sizes = caps.get(TwainConstants.ICAP_SUPPORTEDSIZES);
        if (named.isPresent() && sizes.isPresent() && CapabilityValues.allows(sizes.get(), named.get())
                && caps.setAndConfirm(TwainConstants.ICAP_SUPPORTEDSIZES, named.get())) {
            return;
        }
        if (sizes.isPresent()) {
            caps.set(TwainConstants.ICAP_SUPPORTEDSIZES, TwainConstants.TWSS_NONE);
        }
        double mmPerInch = 25.4;
        Frame frame = new Frame(area.leftMm() / mmPerInch, area.topMm() / mmPerInch, area.rightMm() / mmPerInch,
                area.bottomMm() / mmPerInch);
        TwainSession.SetResult r = caps.layout(frame);
        if (r.outcome() == TwainSession.SetResult.Outcome.CHANGED) {
            note("The scanner adjusted the scan area to what it can scan (DAT_IMAGELAYOUT).");
        } else if (!r.accepted()) {
            throw unsupported(String.format(Locale.ROOT, "The scanner %s refused the scan area of %.0f x %.0f mm"
                    + " (DAT_IMAGELAYOUT): %s", name, area.widthMm(), area.heightMm(), ConditionCodes.describe(r.conditionCode())));
        }
    }

    /** The TWAIN size code of an area at the top-left corner that is a common paper size. */
    private static Optional<Integer> namedSize(ScanArea area) {
        if (area.leftMm() > 0.5 || area.topMm() > 0.5) {
            return Optional.empty();
        }
        for (PageSize s : PageSize.COMMON) {
            if (Math.abs(s.widthMm() - area.widthMm()) < 1 && Math.abs(s.heightMm() - area.heightMm()) < 1) {
                return Optional.of(s == PageSize.A4 ? TwainConstants.TWSS_A4 : s == PageSize.A5 ? TwainConstants.TWSS_A5
                        : s == PageSize.LETTER ? TwainConstants.TWSS_USLETTER : TwainConstants.TWSS_USLEGAL);
            }
        }
        return Optional.empty();
    }

    /**
     * The station decides which pages are blank; a scanner that leaves pages out itself could lose a
     * page with faint writing. When the source has the setting and will not switch it off, the scan
     * does not start.
     */
    private void blankPagesKept() {
        if (caps.current(TwainConstants.ICAP_AUTODISCARDBLANKPAGES).isEmpty()) {
            return;
        }
        if (!caps.setAndConfirm(TwainConstants.ICAP_AUTODISCARDBLANKPAGES, TwainConstants.TWBP_DISABLE)) {
            throw unsupported("The scanner " + name + " leaves out pages it takes for blank and would not stop"
                    + " (ICAP_AUTODISCARDBLANKPAGES). Switch off blank-page skipping in the scanner's settings: the"
                    + " station decides which pages are blank, so that no page is lost.");
        }
    }

    private void feederLoaded() {
        Optional<Double> loaded = caps.currentNumber(TwainConstants.CAP_FEEDERLOADED);
        if (loaded.isPresent() && loaded.get() == 0) {
            throw new ScanException(ScanError.NO_DOCUMENTS, "There is no paper in the feeder of " + name + ". "
                    + ScanError.NO_DOCUMENTS.advice());
        }
    }

    private void note(String text) {
        notes.add(text);
    }

    private static ScanException unsupported(String message) {
        return new ScanException(ScanError.UNSUPPORTED_OPTION, message);
    }
}
