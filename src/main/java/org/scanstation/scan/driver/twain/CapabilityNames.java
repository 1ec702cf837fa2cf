package org.scanstation.scan.driver.twain;

import java.util.Map;

/** Capabilities in words, for messages and notes a clerk or IT reads. */
final class CapabilityNames {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(TwainConstants.CAP_XFERCOUNT, "the number of pages to scan (CAP_XFERCOUNT)"),
            Map.entry(TwainConstants.ICAP_COMPRESSION, "uncompressed pages (ICAP_COMPRESSION)"),
            Map.entry(TwainConstants.ICAP_PIXELTYPE, "the colour mode (ICAP_PIXELTYPE)"),
            Map.entry(TwainConstants.ICAP_UNITS, "inches as the unit (ICAP_UNITS)"),
            Map.entry(TwainConstants.ICAP_XFERMECH, "the transfer mode (ICAP_XFERMECH)"),
            Map.entry(TwainConstants.CAP_FEEDERENABLED, "the document feeder (CAP_FEEDERENABLED)"),
            Map.entry(TwainConstants.CAP_FEEDERLOADED, "whether paper is in the feeder (CAP_FEEDERLOADED)"),
            Map.entry(TwainConstants.CAP_AUTOFEED, "feeding the next sheet automatically (CAP_AUTOFEED)"),
            Map.entry(TwainConstants.CAP_INDICATORS, "switching off the scanner's own progress window (CAP_INDICATORS)"),
            Map.entry(TwainConstants.CAP_DUPLEX, "two-sided scanning (CAP_DUPLEX)"),
            Map.entry(TwainConstants.CAP_DUPLEXENABLED, "scanning both sides of each sheet (CAP_DUPLEXENABLED)"),
            Map.entry(TwainConstants.ICAP_PHYSICALWIDTH, "the largest scan width (ICAP_PHYSICALWIDTH)"),
            Map.entry(TwainConstants.ICAP_PHYSICALHEIGHT, "the largest scan length (ICAP_PHYSICALHEIGHT)"),
            Map.entry(TwainConstants.ICAP_XRESOLUTION, "the resolution across (ICAP_XRESOLUTION)"),
            Map.entry(TwainConstants.ICAP_YRESOLUTION, "the resolution down (ICAP_YRESOLUTION)"),
            Map.entry(TwainConstants.ICAP_BITORDER, "the bit order of black-and-white pages (ICAP_BITORDER)"),
            Map.entry(TwainConstants.ICAP_PIXELFLAVOR, "black as zero (ICAP_PIXELFLAVOR)"),
            Map.entry(TwainConstants.ICAP_SUPPORTEDSIZES, "the page size (ICAP_SUPPORTEDSIZES)"),
            Map.entry(TwainConstants.ICAP_BITDEPTH, "the bit depth (ICAP_BITDEPTH)"),
            Map.entry(TwainConstants.ICAP_AUTODISCARDBLANKPAGES,
                    "switching off the scanner's own blank-page skipping (ICAP_AUTODISCARDBLANKPAGES)"));

    private CapabilityNames() {
    }

    static String of(int cap) {
        return NAMES.getOrDefault(cap, "capability 0x" + Integer.toHexString(cap));
    }
}
