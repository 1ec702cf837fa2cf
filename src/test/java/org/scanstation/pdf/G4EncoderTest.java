package org.scanstation.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.InputStream;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.junit.jupiter.api.Test;

/** Our G4 data is byte for byte what PDFBox's CCITTFactory makes of the same page, from packed rows or grey. */
class G4EncoderTest {

    /** A bilevel page 1001 pixels wide (rows end inside a byte) with print and speckle. */
    static BufferedImage bilevel(int type, IndexColorModel palette) {
        BufferedImage img = palette == null ? new BufferedImage(1001, 700, type)
                : new BufferedImage(1001, 700, type, palette);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(40f));
        g.drawString("Hosp No: K4715162", 40, 120);
        g.fillRect(990, 300, 11, 40);
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            g.fillRect(r.nextInt(img.getWidth()), r.nextInt(img.getHeight()), 1 + r.nextInt(3), 1 + r.nextInt(3));
        }
        g.dispose();
        return img;
    }

    static byte[] pdfbox(BufferedImage img) throws Exception {
        BufferedImage binary = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = binary.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        try (PDDocument doc = new PDDocument();
             InputStream in = CCITTFactory.createFromImage(doc, binary).getCOSObject().createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void packedBilevelPagesGiveTheSameDataAsPdfbox() throws Exception {
        BufferedImage page = bilevel(BufferedImage.TYPE_BYTE_BINARY, null);
        assertThat(G4Encoder.encode(page)).isEqualTo(pdfbox(page));
    }

    @Test
    void aPaletteWithWhiteFirstIsReadTheRightWayRound() throws Exception {
        IndexColorModel whiteFirst = new IndexColorModel(1, 2, new byte[] {(byte) 255, 0}, new byte[] {(byte) 255, 0},
                new byte[] {(byte) 255, 0});
        BufferedImage page = bilevel(BufferedImage.TYPE_BYTE_BINARY, whiteFirst);
        assertThat(page.getRaster().getSample(0, 0, 0)).as("white is index 0 here").isZero();
        assertThat(G4Encoder.encode(page)).isEqualTo(pdfbox(page));
    }

    @Test
    void greyPagesAreThresholdedAtMidGrey() throws Exception {
        BufferedImage grey = bilevel(BufferedImage.TYPE_BYTE_GRAY, null);
        Graphics2D g = grey.createGraphics();
        g.setColor(new Color(140, 140, 140));
        g.fillRect(500, 400, 100, 100);
        g.setColor(new Color(110, 110, 110));
        g.fillRect(700, 400, 100, 100);
        g.dispose();
        byte[] ours = G4Encoder.encode(grey);
        assertThat(ours).isEqualTo(pdfbox(grey));
        byte[] ink = G4Encoder.inkBits(grey);
        int stride = (grey.getWidth() + 7) / 8;
        assertThat(ink[450 * stride + 550 / 8] & (0x80 >>> (550 & 7))).as("light grey is paper").isZero();
        assertThat(ink[450 * stride + 750 / 8] & (0x80 >>> (750 & 7))).as("dark grey is ink").isNotZero();
    }
}
