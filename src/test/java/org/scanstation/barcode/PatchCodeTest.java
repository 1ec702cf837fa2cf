package org.scanstation.barcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchCodeTest {

    private static final ZxingBarcodeReader READER = new ZxingBarcodeReader();

    private static List<String> formats(BufferedImage page) {
        return READER.read(page).stream().map(b -> b.format() + ":" + b.text()).toList();
    }

    @Test
    void findsAPatchTSheet() {
        assertThat(formats(SyntheticPages.patchSheet("NWNW", false))).containsExactly("PATCH_T:PATCHT");
    }

    @Test
    void findsItUpsideDownSidewaysSkewedAndNoisy() {
        BufferedImage sheet = SyntheticPages.patchSheet("NWNW", false);
        assertThat(formats(SyntheticPages.rotate(sheet, 180))).containsExactly("PATCH_T:PATCHT");
        assertThat(formats(SyntheticPages.rotate(sheet, 90))).containsExactly("PATCH_T:PATCHT");
        assertThat(formats(SyntheticPages.noise(SyntheticPages.skew(SyntheticPages.rotate(sheet, 270), 2.5),
                15, 0.01, 2))).containsExactly("PATCH_T:PATCHT");
        assertThat(formats(SyntheticPages.scale(sheet, 2.0 / 3))).containsExactly("PATCH_T:PATCHT");
    }

    @Test
    void otherPatchCodesAreNotPatchT() {
        // patch 3 is patch T read from the wrong edge; patches 2 and 6 differ outright
        assertThat(formats(SyntheticPages.patchSheet("WNWN", false))).isEmpty();
        assertThat(formats(SyntheticPages.patchSheet("WNNW", false))).isEmpty();
        assertThat(formats(SyntheticPages.patchSheet("NNWW", false))).isEmpty();
    }

    @Test
    void patchLikeBarsInsideABiggerBarPatternAreNotAPatch() {
        // the NWNW bars of patch T, but with more bars 4 mm either side: a large barcode, not a patch
        BufferedImage page = SyntheticPages.blankPage();
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.BLACK);
        double ppm = 300 / 25.4;
        double y = 40 * ppm;
        for (double w : new double[] {2.03, -4, 2.03, -2.03, 5.08, -2.03, 2.03, -2.03, 5.08, -4, 5.08}) {
            if (w > 0) {
                g.fillRect((int) (30 * ppm), (int) Math.round(y), (int) (150 * ppm), (int) Math.round(w * ppm));
            }
            y += Math.abs(w) * ppm;
        }
        g.dispose();
        assertThat(formats(page)).isEmpty();
    }
}
