package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Windows DIBs (what a native transfer gives on Windows), made by hand byte by byte. */
class DibDecoderTest {

    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    /**
     * A packed DIB: BITMAPINFOHEADER, palette (0xRRGGBB entries), then the rows given top to bottom
     * (unpadded), padded to 4 bytes and stored bottom-up unless {@code topDown}.
     */
    private static byte[] dib(int width, boolean topDown, int bitCount, int compression, int pelsPerMeter, int[] palette,
                              byte[]... rowsTopToBottom) {
        int stride = (width * bitCount + 31) / 32 * 4;
        int height = rowsTopToBottom.length;
        int masks = compression == 3 ? 12 : 0;
        ByteBuffer b = ByteBuffer.allocate(40 + masks + palette.length * 4 + stride * height).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(40).putInt(width).putInt(topDown ? -height : height).putShort((short) 1).putShort((short) bitCount)
                .putInt(compression).putInt(stride * height).putInt(pelsPerMeter).putInt(pelsPerMeter)
                .putInt(palette.length).putInt(0);
        if (compression == 3) {
            b.putInt(0xF800).putInt(0x07E0).putInt(0x001F);
        }
        for (int rgb : palette) {
            b.put((byte) (rgb & 0xFF)).put((byte) (rgb >> 8 & 0xFF)).put((byte) (rgb >> 16 & 0xFF)).put((byte) 0);
        }
        for (int i = 0; i < height; i++) {
            byte[] row = rowsTopToBottom[topDown ? i : height - 1 - i];
            byte[] padded = new byte[stride];
            System.arraycopy(row, 0, padded, 0, row.length);
            b.put(padded);
        }
        return b.array();
    }

    private static byte[] row(int... bytes) {
        byte[] r = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            r[i] = (byte) bytes[i];
        }
        return r;
    }

    private static DibDecoder.Decoded decode(byte[] dib) {
        assertThat(DibDecoder.byteLength(ByteBuffer.wrap(dib))).isEqualTo(dib.length);
        return DibDecoder.decode(ByteBuffer.wrap(dib));
    }

    /** Whether pixel (x, y) is black, for any of the station's types. */
    private static boolean black(BufferedImage img, int x, int y) {
        return (img.getRGB(x, y) & 0xFFFFFF) == 0;
    }

    @Test
    void oneBitBottomUpWithBlackFirstPaletteAndTenPixelRows() {
        // 10 pixels per row: two bytes of bits, padded to 4; row 0 (top): black at x=0 and x=9
        byte[] dib = dib(10, false, 1, 0, 7874, new int[]{BLACK, WHITE},
                row(0b0111_1111, 0b1000_0000), row(0xFF, 0xFF), row(0x00, 0x00));
        DibDecoder.Decoded d = decode(dib);
        BufferedImage img = d.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(img.getWidth()).isEqualTo(10);
        assertThat(img.getHeight()).isEqualTo(3);
        assertThat(d.dpi()).isEqualTo(200);
        assertThat(black(img, 0, 0)).isTrue();
        assertThat(black(img, 1, 0)).isFalse();
        assertThat(black(img, 9, 0)).isTrue();
        assertThat(black(img, 5, 1)).isFalse();
        assertThat(black(img, 5, 2)).isTrue();
    }

    @Test
    void oneBitTopDownWithWhiteFirstPaletteIsTheSamePage() {
        // the same page as a scanner with the palette the other way round (0 = white) and rows top-down
        byte[] dib = dib(10, true, 1, 0, 11811, new int[]{WHITE, BLACK},
                row(0b1000_0000, 0b0100_0000), row(0x00, 0x00), row(0xFF, 0xC0));
        DibDecoder.Decoded d = decode(dib);
        BufferedImage img = d.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(d.dpi()).isEqualTo(300);
        assertThat(black(img, 0, 0)).isTrue();
        assertThat(black(img, 1, 0)).isFalse();
        assertThat(black(img, 9, 0)).isTrue();
        assertThat(black(img, 5, 1)).isFalse();
        assertThat(black(img, 5, 2)).isTrue();
        assertThat(black(img, 9, 2)).isTrue();
    }

    @Test
    void eightBitGreyPaletteBottomUp() {
        int[] ramp = new int[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = i << 16 | i << 8 | i;
        }
        byte[] dib = dib(3, false, 8, 0, 0, ramp, row(0, 128, 255), row(10, 20, 30));
        DibDecoder.Decoded d = decode(dib);
        BufferedImage img = d.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(d.dpi()).isZero();
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(0);
        assertThat(img.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(img.getRaster().getSample(2, 0, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(2, 1, 0)).isEqualTo(30);
    }

    @Test
    void eightBitInvertedGreyPaletteGivesTrueGreyValues() {
        int[] inverted = new int[256];
        for (int i = 0; i < 256; i++) {
            int v = 255 - i;
            inverted[i] = v << 16 | v << 8 | v;
        }
        BufferedImage img = decode(dib(2, true, 8, 0, 0, inverted, row(0, 255))).image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(1, 0, 0)).isEqualTo(0);
    }

    @Test
    void eightBitColourPaletteBecomesRgb() {
        int[] palette = {0xFF0000, 0x00FF00, 0x0000FF};
        BufferedImage img = decode(dib(3, false, 8, 0, 0, palette, row(2, 1, 0))).image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(img.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
    }

    @Test
    void fourBitPalette() {
        int[] sixteen = new int[16];
        for (int i = 0; i < 16; i++) {
            int v = i * 17;
            sixteen[i] = v << 16 | v << 8 | v;
        }
        BufferedImage img = decode(dib(3, false, 4, 0, 0, sixteen, row(0x0F, 0x80))).image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(img.getRaster().getSample(0, 0, 0)).isEqualTo(0);
        assertThat(img.getRaster().getSample(1, 0, 0)).isEqualTo(255);
        assertThat(img.getRaster().getSample(2, 0, 0)).isEqualTo(8 * 17);
    }

    @Test
    void twentyFourBitsAreBlueGreenRedWithPaddedRowsBottomUp() {
        // 3 pixels = 9 bytes, padded to 12; two rows
        byte[] dib = dib(3, false, 24, 0, 3937, new int[0],
                row(0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0x00),
                row(0x10, 0x20, 0x30, 0, 0, 0, 0xFF, 0xFF, 0xFF));
        DibDecoder.Decoded d = decode(dib);
        BufferedImage img = d.image();
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(d.dpi()).isEqualTo(100);
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(img.getRGB(2, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
        assertThat(img.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x302010);
        assertThat(img.getRGB(2, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void twentyFourBitsTopDown() {
        BufferedImage img = decode(dib(1, true, 24, 0, 0, new int[0], row(1, 2, 3), row(4, 5, 6))).image();
        assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x030201);
        assertThat(img.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0x060504);
    }

    @Test
    void thirtyTwoBitsAndSixteenBitBitfields() {
        BufferedImage img32 = decode(dib(1, false, 32, 0, 0, new int[0], row(0x33, 0x22, 0x11, 0))).image();
        assertThat(img32.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x112233);
        // 5-6-5: pure red is 0xF800, stored little-endian
        BufferedImage img16 = decode(dib(2, false, 16, 3, 0, new int[0], row(0x00, 0xF8, 0x1F, 0x00))).image();
        assertThat(img16.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(img16.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0000FF);
    }

    @Test
    void aBitmapFileHeaderInFrontIsSkipped() {
        byte[] packed = dib(1, true, 24, 0, 0, new int[0], row(1, 2, 3));
        byte[] file = new byte[14 + packed.length];
        file[0] = 'B';
        file[1] = 'M';
        System.arraycopy(packed, 0, file, 14, packed.length);
        assertThat(DibDecoder.decode(ByteBuffer.wrap(file)).image().getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x030201);
    }

    @Test
    void aPngPayloadIsDecoded() throws IOException {
        BufferedImage gray = new BufferedImage(4, 2, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(3, 1, 0, 200);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(gray, "png", png);
        ByteBuffer b = ByteBuffer.allocate(40 + png.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(40).putInt(4).putInt(-2).putShort((short) 1).putShort((short) 0).putInt(5).putInt(png.size())
                .putInt(11811).putInt(11811).putInt(0).putInt(0).put(png.toByteArray());
        DibDecoder.Decoded d = DibDecoder.decode(ByteBuffer.wrap(b.array()));
        assertThat(d.dpi()).isEqualTo(300);
        assertThat(d.image().getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(d.image().getRaster().getSample(3, 1, 0)).isEqualTo(200);
    }

    @Test
    void brokenBitmapsAreRefusedInWords() {
        byte[] ok = dib(3, false, 24, 0, 0, new int[0], row(1, 2, 3, 4, 5, 6, 7, 8, 9));
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length - 2);
        assertThatThrownBy(() -> DibDecoder.decode(ByteBuffer.wrap(cut))).hasMessageContaining("cut short");
        byte[] rle = ok.clone();
        rle[16] = 1;
        assertThatThrownBy(() -> DibDecoder.decode(ByteBuffer.wrap(rle))).hasMessageContaining("run-length");
        byte[] huge = ok.clone();
        ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1_000_000).putInt(8, 1_000_000);
        assertThatThrownBy(() -> DibDecoder.decode(ByteBuffer.wrap(huge))).hasMessageContaining("absurd size");
        byte[] notBitmap = ok.clone();
        notBitmap[0] = 7;
        assertThatThrownBy(() -> DibDecoder.decode(ByteBuffer.wrap(notBitmap))).hasMessageContaining("not a bitmap");
    }
}
