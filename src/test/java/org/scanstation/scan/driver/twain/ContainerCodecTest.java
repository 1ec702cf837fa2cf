package org.scanstation.scan.driver.twain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capability containers, byte for byte as twain.h lays them out (pack 2, little-endian), from hand-made buffers. */
class ContainerCodecTest {

    private final ContainerCodec codec = new ContainerCodec(8);

    /** Little-endian bytes from a list of (size, value) pairs. */
    private static byte[] bytes(long... sizeValuePairs) {
        int n = 0;
        for (int i = 0; i < sizeValuePairs.length; i += 2) {
            n += (int) sizeValuePairs[i];
        }
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < sizeValuePairs.length; i += 2) {
            long v = sizeValuePairs[i + 1];
            switch ((int) sizeValuePairs[i]) {
                case 1 -> b.put((byte) v);
                case 2 -> b.putShort((short) v);
                case 4 -> b.putInt((int) v);
                default -> b.putLong(v);
            }
        }
        return b.array();
    }

    private Container decode(int conType, byte[] raw) {
        assertThat(codec.byteLength(conType, ByteBuffer.wrap(raw))).isEqualTo(raw.length);
        return codec.decode(conType, ByteBuffer.wrap(raw));
    }

    @Test
    void oneValueOfEachSmallTypeSitsInTheLowBytesOfItsFourByteSlot() {
        // TW_ONEVALUE { ItemType = TWTY_UINT16, Item = TWPT_GRAY }
        assertThat(decode(TwainConstants.TWON_ONEVALUE, bytes(2, 0x4, 4, 1)))
                .isEqualTo(new Container.OneValue(ItemType.UINT16, 1L));
        // TWTY_INT16 -1 (CAP_XFERCOUNT "all pages"), upper half of the slot left as zero
        assertThat(decode(TwainConstants.TWON_ONEVALUE, bytes(2, 0x1, 2, 0xFFFF, 2, 0)))
                .isEqualTo(new Container.OneValue(ItemType.INT16, -1L));
        // TWTY_BOOL TRUE
        assertThat(decode(TwainConstants.TWON_ONEVALUE, bytes(2, 0x6, 2, 1, 2, 0)))
                .isEqualTo(new Container.OneValue(ItemType.BOOL, 1L));
        // TWTY_FIX32 200.5: Whole 200, Frac 0x8000
        assertThat(decode(TwainConstants.TWON_ONEVALUE, bytes(2, 0x7, 2, 200, 2, 0x8000)))
                .isEqualTo(new Container.OneValue(ItemType.FIX32, 200.5));
        // TWTY_INT32 TWBP_DISABLE (-2)
        assertThat(decode(TwainConstants.TWON_ONEVALUE, bytes(2, 0x2, 4, -2)))
                .isEqualTo(new Container.OneValue(ItemType.INT32, -2L));
    }

    @Test
    void oneValueOfAFrameOrAStringIsInlineAndLonger() {
        byte[] frame = bytes(2, 0x8, 2, 0, 2, 0, 2, 0, 2, 0, 2, 8, 2, 0x8000, 2, 11, 2, 0);
        assertThat(decode(TwainConstants.TWON_ONEVALUE, frame))
                .isEqualTo(new Container.OneValue(ItemType.FRAME, new Frame(0, 0, 8.5, 11)));

        ByteBuffer str = ByteBuffer.allocate(2 + 256).order(ByteOrder.LITTLE_ENDIAN);
        str.putShort((short) 0xc).put("Fujitsu fi-7160".getBytes());
        assertThat(decode(TwainConstants.TWON_ONEVALUE, str.array()))
                .isEqualTo(new Container.OneValue(ItemType.STR255, "Fujitsu fi-7160"));
    }

    @Test
    void enumerationOfResolutionsWithCurrentAndDefaultIndex() {
        // ICAP_XRESOLUTION: TWTY_FIX32, 4 items, current index 2 (300), default index 1 (200)
        byte[] raw = bytes(2, 0x7, 4, 4, 4, 2, 4, 1, 2, 100, 2, 0, 2, 200, 2, 0, 2, 300, 2, 0, 2, 600, 2, 0);
        Container c = decode(TwainConstants.TWON_ENUMERATION, raw);
        assertThat(c).isEqualTo(new Container.Enumeration(ItemType.FIX32, List.of(100.0, 200.0, 300.0, 600.0), 2, 1));
        assertThat(c.current()).isEqualTo(300.0);
        assertThat(CapabilityValues.nearest(c, 250)).contains(300.0);
        assertThat(CapabilityValues.nearest(c, 240)).contains(200.0);
        assertThat(CapabilityValues.allows(c, 600)).isTrue();
        assertThat(CapabilityValues.allows(c, 150)).isFalse();
    }

    @Test
    void enumerationOfTwoByteItemsIsPackedWithoutPadding() {
        // ICAP_PIXELTYPE: TWTY_UINT16 { BW, GRAY, RGB }, current RGB: 14 + 3 * 2 bytes
        byte[] raw = bytes(2, 0x4, 4, 3, 4, 2, 4, 2, 2, 0, 2, 1, 2, 2);
        assertThat(raw).hasSize(20);
        assertThat(decode(TwainConstants.TWON_ENUMERATION, raw))
                .isEqualTo(new Container.Enumeration(ItemType.UINT16, List.of(0L, 1L, 2L), 2, 2));
    }

    @Test
    void rangeOfFixedPointResolutionsAndOfIntegers() {
        // ICAP_XRESOLUTION as a range 75..1200 step 1, default 300, current 200.25
        byte[] raw = bytes(2, 0x7, 2, 75, 2, 0, 2, 1200, 2, 0, 2, 1, 2, 0, 2, 300, 2, 0, 2, 200, 2, 0x4000);
        assertThat(raw).hasSize(22);
        Container.Range r = (Container.Range) decode(TwainConstants.TWON_RANGE, raw);
        assertThat(r).isEqualTo(new Container.Range(ItemType.FIX32, 75, 1200, 1, 300, 200.25));
        assertThat(r.contains(600)).isTrue();
        assertThat(r.contains(1201)).isFalse();
        assertThat(r.nearest(5000)).isEqualTo(1200);

        // TWTY_UINT16 0..255 step 5, values in TW_UINT32 slots
        Container.Range t = (Container.Range) decode(TwainConstants.TWON_RANGE, bytes(2, 0x4, 4, 0, 4, 255, 4, 5, 4, 128, 4, 130));
        assertThat(t.contains(130)).isTrue();
        assertThat(t.contains(131)).isFalse();
        assertThat(t.nearest(131)).isEqualTo(130);
    }

    @Test
    void arrayOfSupportedCapabilities() {
        byte[] raw = bytes(2, 0x4, 4, 3, 2, 0x1118, 2, 0x1119, 2, 0x0101);
        assertThat(decode(TwainConstants.TWON_ARRAY, raw))
                .isEqualTo(new Container.ArrayOf(ItemType.UINT16, List.of(0x1118L, 0x1119L, 0x0101L)));
    }

    @Test
    void encodingWritesTheSameBytesTheSpecificationDescribes() {
        assertThat(codec.encode(new Container.OneValue(ItemType.UINT16, 2L))).containsExactly(bytes(2, 0x4, 4, 2));
        assertThat(codec.encode(new Container.OneValue(ItemType.BOOL, 0L))).containsExactly(bytes(2, 0x6, 4, 0));
        assertThat(codec.encode(new Container.OneValue(ItemType.INT16, -1L))).containsExactly(bytes(2, 0x1, 2, 0xFFFF, 2, 0));
        assertThat(codec.encode(new Container.OneValue(ItemType.FIX32, 300.0))).containsExactly(bytes(2, 0x7, 2, 300, 2, 0));
        assertThat(codec.encode(new Container.OneValue(ItemType.FIX32, -1.5))).containsExactly(bytes(2, 0x7, 2, -2, 2, 0x8000));
        Container.Enumeration e = new Container.Enumeration(ItemType.UINT16, List.of(0L, 1L, 2L), 1, 2);
        assertThat(codec.encode(e)).containsExactly(bytes(2, 0x4, 4, 3, 4, 1, 4, 2, 2, 0, 2, 1, 2, 2));
        Container.Range r = new Container.Range(ItemType.FIX32, 50, 600, 50, 200, 300);
        assertThat(codec.encode(r)).containsExactly(bytes(2, 0x7, 2, 50, 2, 0, 2, 600, 2, 0, 2, 50, 2, 0, 2, 200, 2, 0, 2, 300, 2, 0));
        Container.ArrayOf a = new Container.ArrayOf(ItemType.UINT32, List.of(7L, 0xFFFFFFFFL));
        assertThat(codec.encode(a)).containsExactly(bytes(2, 0x5, 4, 2, 4, 7, 4, -1));
    }

    @Test
    void everyContainerSurvivesARoundTrip() {
        List<Container> all = List.of(
                new Container.OneValue(ItemType.STR32, "TWAIN2 Software Scanner"),
                new Container.OneValue(ItemType.FRAME, new Frame(0.5, 0.25, 8.25, 11.75)),
                new Container.OneValue(ItemType.UINT8, 255L),
                new Container.Enumeration(ItemType.BOOL, List.of(0L, 1L), 0, 1),
                new Container.Enumeration(ItemType.INT32, List.of(-2L, -1L, 5L), 2, 0),
                new Container.Range(ItemType.INT16, -1000, 1000, 1, 0, -20),
                new Container.ArrayOf(ItemType.FIX32, List.of(1.0, 2.5, 1200.0)));
        for (Container c : all) {
            byte[] raw = codec.encode(c);
            assertThat(codec.byteLength(ContainerCodec.conType(c), ByteBuffer.wrap(raw))).as(c.toString()).isEqualTo(raw.length);
            assertThat(codec.decode(ContainerCodec.conType(c), ByteBuffer.wrap(raw))).isEqualTo(c);
        }
    }

    @Test
    void handlesArePointerSized() {
        ContainerCodec thirtyTwoBit = new ContainerCodec(4);
        byte[] raw = thirtyTwoBit.encode(new Container.ArrayOf(ItemType.HANDLE, List.of(0x1234L, 0x5678L)));
        assertThat(raw).hasSize(6 + 2 * 4);
        assertThat(codec.encode(new Container.ArrayOf(ItemType.HANDLE, List.of(0x1234L, 0x5678L)))).hasSize(6 + 2 * 8);
    }

    @Test
    void malformedContainersAreRefusedNotTrusted() {
        assertThatThrownBy(() -> codec.decode(TwainConstants.TWON_ENUMERATION, ByteBuffer.wrap(bytes(2, 0x4, 4, 0x7FFFFFFF, 4, 0, 4, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("claims");
        assertThatThrownBy(() -> codec.decode(TwainConstants.TWON_ONEVALUE, ByteBuffer.wrap(bytes(2, 0x77, 4, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown TWAIN item type");
        assertThatThrownBy(() -> codec.decode(TwainConstants.TWON_ARRAY, ByteBuffer.wrap(bytes(2, 0x4, 4, 3, 2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 12 bytes");
        assertThatThrownBy(() -> codec.decode(9, ByteBuffer.wrap(bytes(2, 0x4, 4, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("container type 9");
        assertThatThrownBy(() -> codec.decode(TwainConstants.TWON_RANGE, ByteBuffer.wrap(bytes(2, 0xc, 4, 0, 4, 0, 4, 0, 4, 0, 4, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
    }

    @Test
    void fixedPointNumbers() {
        assertThat(Fix32.unpack(Fix32.pack(200))).isEqualTo(200);
        assertThat(Fix32.unpack(Fix32.pack(0.1))).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Fix32.pack(1.5)).isEqualTo(1 | 0x8000 << 16);
        assertThat(Fix32.unpack(0xFFFF | 0x8000 << 16)).isEqualTo(-0.5);
    }
}
