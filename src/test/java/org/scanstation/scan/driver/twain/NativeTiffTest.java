package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The length of a TIFF in a handle (no length given) and its decoding, on hand-made and JDK-written files. */
class NativeTiffTest {

    private static NativeTiff.Bytes of(byte[] file) {
        return (offset, n) -> Arrays.copyOfRange(file, (int) offset, (int) offset + n);
    }

    /** A little-endian 2 x 2 grey TIFF: header, 9 tags, a rational at the end, the strip after it. */
    private static byte[] handMade(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + 9 * 12 + 4 + 8 + 4).order(order);
        b.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[]{'I', 'I'} : new byte[]{'M', 'M'}).putShort((short) 42).putInt(8);
        int rational = 8 + 2 + 9 * 12 + 4;
        int strip = rational + 8;
        b.putShort((short) 9);
        tag(b, 256, 3, 1, 2);
        tag(b, 257, 3, 1, 2);
        tag(b, 258, 3, 1, 8);
        tag(b, 259, 3, 1, 1);
        tag(b, 262, 3, 1, 1);
        tag(b, 273, 4, 1, strip);
        tag(b, 277, 3, 1, 1);
        tag(b, 279, 4, 1, 4);
        tag(b, 282, 5, 1, rational);
        b.putInt(0);
        b.putInt(200).putInt(1);
        b.put(new byte[]{0, 64, (byte) 128, (byte) 255});
        return b.array();
    }

    private static void tag(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && b.order() == ByteOrder.BIG_ENDIAN) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    @Test
    void lengthOfHandMadeTiffsInBothByteOrders() throws Exception {
        for (ByteOrder order : new ByteOrder[]{ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            byte[] file = handMade(order);
            byte[] inHandle = Arrays.copyOf(file, file.length + 100); // a handle may be larger than the file
            assertThat(NativeTiff.byteLength(of(inHandle))).as(order.toString()).isEqualTo(file.length);
            BufferedImage img = NativeTiff.decode(file);
            assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(img.getRaster().getSample(1, 1, 0)).isEqualTo(255);
            assertThat(img.getRaster().getSample(1, 0, 0)).isEqualTo(64);
        }
    }

    @Test
    void lengthOfAMultiStripTiffWrittenByTheJdk() throws Exception {
        BufferedImage rgb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(299, 199, 0x123456);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, "tiff", out);
        byte[] file = out.toByteArray();
        assertThat(NativeTiff.byteLength(of(Arrays.copyOf(file, file.length + 64)))).isEqualTo(file.length);
        BufferedImage back = NativeTiff.decode(file);
        assertThat(back.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(back.getRGB(299, 199) & 0xFFFFFF).isEqualTo(0x123456);
    }

    @Test
    void notATiff() {
        byte[] junk = new byte[64];
        assertThatThrownBy(() -> NativeTiff.byteLength(of(junk))).hasMessageContaining("not a TIFF");
    }
}
