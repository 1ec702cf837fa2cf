package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Memory-transfer strips put together: padding, strip order, unknown length, bit order and pixel flavour. */
class StripAssemblerTest {

    private static ImageInfo info(int width, int length, int bitsPerPixel) {
        int type = bitsPerPixel == 1 ? TwainConstants.TWPT_BW : bitsPerPixel == 8 ? TwainConstants.TWPT_GRAY : TwainConstants.TWPT_RGB;
        return new ImageInfo(200, 200, width, length, bitsPerPixel == 24 ? 3 : 1, bitsPerPixel, type, 0);
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void colourStripsWithRowPaddingArriveOutOfOrder() {
        StripAssembler a = new StripAssembler(info(2, 3, 24), false, false);
        // rows of 6 bytes padded to 8; the second strip (row 2) arrives first
        a.add(bytes(7, 8, 9, 10, 11, 12, 0, 0), 8, 1, 2, 0);
        a.add(bytes(255, 0, 0, 0, 255, 0, 0xEE, 0xEE, 0, 0, 255, 1, 2, 3, 0xEE, 0xEE), 8, 2, 0, 0);
        BufferedImage img = a.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(img.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(img.getRGB(1, 1) & 0xFFFFFF).isEqualTo(0x010203);
        assertThat(img.getRGB(1, 2) & 0xFFFFFF).isEqualTo(0x0A0B0C);
    }

    @Test
    void greyWithUnknownLengthTakesRowsAsTheyCome() {
        StripAssembler a = new StripAssembler(info(3, -1, 8), false, false);
        a.add(bytes(1, 2, 3, 0), 4, 1, 0, TwainConstants.TWON_DONTCARE16);
        a.add(bytes(4, 5, 6, 0, 7, 8, 9, 0), 4, 2, 1, 0);
        BufferedImage img = a.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getHeight()).isEqualTo(3);
        assertThat(img.getRaster().getSample(2, 2, 0)).isEqualTo(9);
    }

    @Test
    void blackAndWhiteMostSignificantBitFirstChocolate() {
        StripAssembler a = new StripAssembler(info(10, 1, 1), false, false);
        a.add(bytes(0b0111_1111, 0b1011_1111, 0, 0), 4, 1, 0, 0);
        BufferedImage img = a.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isZero();
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(9, 0) & 0xFFFFFF).isZero();
    }

    @Test
    void leastSignificantBitFirstAndVanillaAreTurnedRound() {
        // the same row as above, LSB-first bits, 1 = black (vanilla)
        StripAssembler a = new StripAssembler(info(10, 1, 1), true, true);
        a.add(bytes(0b0000_0001, 0b0000_0010, 0, 0), 4, 1, 0, 0);
        BufferedImage img = a.image();
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isZero();
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(img.getRGB(9, 0) & 0xFFFFFF).isZero();
        assertThat(img.getRGB(8, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void whatCannotBeReadIsSaidInWords() {
        assertThatThrownBy(() -> new StripAssembler(info(10, 10, 16), false, false)).hasMessageContaining("16-bit pages");
        StripAssembler a = new StripAssembler(info(4, 2, 8), false, false);
        assertThatThrownBy(() -> a.add(bytes(1, 2, 3, 4), 4, 1, 0, 4)).hasMessageContaining("compressed strip");
        assertThatThrownBy(() -> a.add(bytes(1, 2, 3, 4), 4, 2, 0, 0)).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> a.add(bytes(1, 2, 3, 4), 4, 1, 5, 0)).hasMessageContaining("outside the page");
    }
}
