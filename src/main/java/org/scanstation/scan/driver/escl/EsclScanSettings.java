package org.scanstation.scan.driver.escl;

import java.util.Locale;
import org.scanstation.scan.ScanArea;

/**
 * The {@code ScanSettings} document of a {@code POST ScanJobs} request (Mopria eSCL), sizes in 1/300 inch.
 */
record EsclScanSettings(String inputSource, boolean duplex, String colorMode, int resolution,
                        String format, int xOffset, int yOffset, int width, int height) {

    static final String PWG = "http://www.pwg.org/schemas/2010/12/sm";
    static final String SCAN = "http://schemas.hp.com/imaging/escl/2011/05/03";

    /** The region for {@code area}, or the whole of {@code maxWidth x maxHeight} when null. */
    static int[] region(ScanArea area, int maxWidth, int maxHeight) {
        if (area == null) {
            return new int[] {0, 0, maxWidth, maxHeight};
        }
        return new int[] {toUnits(area.leftMm()), toUnits(area.topMm()), toUnits(area.widthMm()), toUnits(area.heightMm())};
    }

    private static int toUnits(double mm) {
        return (int) Math.round(mm / 25.4 * 300);
    }

    String toXml() {
        StringBuilder x = new StringBuilder(800);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<scan:ScanSettings xmlns:scan=\"").append(SCAN).append("\" xmlns:pwg=\"").append(PWG).append("\">\n")
                .append("  <pwg:Version>2.0</pwg:Version>\n")
                .append("  <scan:Intent>Document</scan:Intent>\n");
        if (width > 0 && height > 0) {
            x.append("  <pwg:ScanRegions pwg:MustHonor=\"false\">\n")
                    .append("    <pwg:ScanRegion>\n")
                    .append("      <pwg:ContentRegionUnits>escl:ThreeHundredthsOfInches</pwg:ContentRegionUnits>\n")
                    .append(String.format(Locale.ROOT, "      <pwg:XOffset>%d</pwg:XOffset>%n", xOffset))
                    .append(String.format(Locale.ROOT, "      <pwg:YOffset>%d</pwg:YOffset>%n", yOffset))
                    .append(String.format(Locale.ROOT, "      <pwg:Width>%d</pwg:Width>%n", width))
                    .append(String.format(Locale.ROOT, "      <pwg:Height>%d</pwg:Height>%n", height))
                    .append("    </pwg:ScanRegion>\n")
                    .append("  </pwg:ScanRegions>\n");
        }
        x.append("  <pwg:InputSource>").append(inputSource).append("</pwg:InputSource>\n");
        if ("Feeder".equals(inputSource)) {
            x.append("  <scan:Duplex>").append(duplex).append("</scan:Duplex>\n");
        }
        x.append("  <scan:ColorMode>").append(colorMode).append("</scan:ColorMode>\n")
                .append("  <scan:XResolution>").append(resolution).append("</scan:XResolution>\n")
                .append("  <scan:YResolution>").append(resolution).append("</scan:YResolution>\n")
                .append("  <pwg:DocumentFormat>").append(format).append("</pwg:DocumentFormat>\n")
                .append("  <scan:DocumentFormatExt>").append(format).append("</scan:DocumentFormatExt>\n")
                .append("</scan:ScanSettings>\n");
        return x.toString();
    }
}
