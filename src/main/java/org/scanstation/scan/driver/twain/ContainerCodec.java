package org.scanstation.scan.driver.twain;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes TWAIN capability containers ({@code TW_ONEVALUE}, {@code TW_ENUMERATION},
 * {@code TW_RANGE}, {@code TW_ARRAY}) byte for byte, as {@code twain.h} lays them out with
 * {@code #pragma pack(2)}: no padding, little-endian (every platform TWAIN runs on here).
 *
 * <pre>
 * TW_ONEVALUE     ItemType u16, Item u32 (a frame or string item is inline, so larger)
 * TW_ENUMERATION  ItemType u16, NumItems u32, CurrentIndex u32, DefaultIndex u32, ItemList[]
 * TW_RANGE        ItemType u16, MinValue u32, MaxValue u32, StepSize u32, DefaultValue u32, CurrentValue u32
 * TW_ARRAY        ItemType u16, NumItems u32, ItemList[]
 * </pre>
 */
final class ContainerCodec {

    /** Bytes to read before the full size of any container is known. */
    static final int LONGEST_HEADER = 22;
    private static final int MAX_ITEMS = 1 << 16;

    private final int pointerSize;

    ContainerCodec(int pointerSize) {
        this.pointerSize = pointerSize;
    }

    /**
     * The size in bytes of the container of type {@code conType} whose first bytes are in
     * {@code header} (at least {@link #LONGEST_HEADER} bytes, or the whole container if shorter).
     */
    int byteLength(int conType, ByteBuffer header) {
        ByteBuffer b = header.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        ItemType type = ItemType.of(b.getShort(0) & 0xFFFF);
        int size = type.size(pointerSize);
        return switch (conType) {
            case TwainConstants.TWON_ONEVALUE -> 2 + Math.max(4, size);
            case TwainConstants.TWON_RANGE -> 22;
            case TwainConstants.TWON_ENUMERATION -> 14 + count(b.getInt(2)) * size;
            case TwainConstants.TWON_ARRAY -> 6 + count(b.getInt(2)) * size;
            default -> throw new IllegalArgumentException("unknown TWAIN container type " + conType);
        };
    }

    Container decode(int conType, ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int need = byteLength(conType, b);
        if (b.limit() < need) {
            throw new IllegalArgumentException("TWAIN container of type " + conType + " needs " + need
                    + " bytes, got " + b.limit());
        }
        ItemType type = ItemType.of(b.getShort(0) & 0xFFFF);
        int size = type.size(pointerSize);
        switch (conType) {
            case TwainConstants.TWON_ONEVALUE:
                return new Container.OneValue(type, readItem(b, 2, type));
            case TwainConstants.TWON_ENUMERATION: {
                int n = count(b.getInt(2));
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readItem(b, 14 + i * size, type));
                }
                return new Container.Enumeration(type, items, b.getInt(6), b.getInt(10));
            }
            case TwainConstants.TWON_RANGE:
                if (!type.isInteger() && type != ItemType.FIX32) {
                    throw new IllegalArgumentException("a TWAIN range of " + type + " items");
                }
                return new Container.Range(type, number(b, 2, type), number(b, 6, type), number(b, 10, type),
                        number(b, 14, type), number(b, 18, type));
            case TwainConstants.TWON_ARRAY: {
                int n = count(b.getInt(2));
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readItem(b, 6 + i * size, type));
                }
                return new Container.ArrayOf(type, items);
            }
            default:
                throw new IllegalArgumentException("unknown TWAIN container type " + conType);
        }
    }

    /** The container's {@code TWON_*} code. */
    static int conType(Container c) {
        if (c instanceof Container.OneValue) {
            return TwainConstants.TWON_ONEVALUE;
        }
        if (c instanceof Container.Enumeration) {
            return TwainConstants.TWON_ENUMERATION;
        }
        if (c instanceof Container.Range) {
            return TwainConstants.TWON_RANGE;
        }
        return TwainConstants.TWON_ARRAY;
    }

    byte[] encode(Container c) {
        ItemType type = c.type();
        int size = type.size(pointerSize);
        ByteBuffer b;
        if (c instanceof Container.OneValue one) {
            b = allocate(2 + Math.max(4, size));
            b.putShort(0, (short) type.code());
            writeItem(b, 2, type, one.value());
        } else if (c instanceof Container.Enumeration e) {
            b = allocate(14 + e.items().size() * size);
            b.putShort(0, (short) type.code());
            b.putInt(2, e.items().size());
            b.putInt(6, e.currentIndex());
            b.putInt(10, e.defaultIndex());
            for (int i = 0; i < e.items().size(); i++) {
                writeItem(b, 14 + i * size, type, e.items().get(i));
            }
        } else if (c instanceof Container.Range r) {
            b = allocate(22);
            b.putShort(0, (short) type.code());
            double[] values = {r.min(), r.max(), r.step(), r.defaultValue(), r.currentValue()};
            for (int i = 0; i < values.length; i++) {
                writeItem(b, 2 + 4 * i, type, type == ItemType.FIX32 ? (Object) values[i] : (Object) Math.round(values[i]));
            }
        } else {
            Container.ArrayOf a = (Container.ArrayOf) c;
            b = allocate(6 + a.items().size() * size);
            b.putShort(0, (short) type.code());
            b.putInt(2, a.items().size());
            for (int i = 0; i < a.items().size(); i++) {
                writeItem(b, 6 + i * size, type, a.items().get(i));
            }
        }
        return b.array();
    }

    private static ByteBuffer allocate(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int count(int n) {
        if (n < 0 || n > MAX_ITEMS) {
            throw new IllegalArgumentException("a TWAIN container claims " + Integer.toUnsignedString(n) + " items");
        }
        return n;
    }

    private double number(ByteBuffer b, int at, ItemType type) {
        Object v = readItem(b, at, type);
        return v instanceof Double d ? d : ((Long) v).doubleValue();
    }

    private Object readItem(ByteBuffer b, int at, ItemType type) {
        return switch (type) {
            case INT8 -> (long) b.get(at);
            case UINT8 -> (long) (b.get(at) & 0xFF);
            case INT16 -> (long) b.getShort(at);
            case UINT16 -> (long) (b.getShort(at) & 0xFFFF);
            case BOOL -> (b.getShort(at) & 0xFFFF) != 0 ? 1L : 0L;
            case INT32 -> (long) b.getInt(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case FIX32 -> Fix32.unpack(b.getInt(at));
            case FRAME -> new Frame(Fix32.unpack(b.getInt(at)), Fix32.unpack(b.getInt(at + 4)),
                    Fix32.unpack(b.getInt(at + 8)), Fix32.unpack(b.getInt(at + 12)));
            case HANDLE -> pointerSize == 8 ? b.getLong(at) : b.getInt(at) & 0xFFFFFFFFL;
            case UNI512 -> text(b, at, type.size(pointerSize), true);
            default -> text(b, at, type.size(pointerSize), false);
        };
    }

    private void writeItem(ByteBuffer b, int at, ItemType type, Object value) {
        switch (type) {
            case INT8, UINT8 -> b.put(at, (byte) longOf(value));
            case INT16, UINT16 -> b.putShort(at, (short) longOf(value));
            case BOOL -> b.putShort(at, (short) (longOf(value) != 0 ? 1 : 0));
            case INT32, UINT32 -> b.putInt(at, (int) longOf(value));
            case FIX32 -> b.putInt(at, Fix32.pack(((Number) value).doubleValue()));
            case FRAME -> {
                Frame f = (Frame) value;
                b.putInt(at, Fix32.pack(f.left()));
                b.putInt(at + 4, Fix32.pack(f.top()));
                b.putInt(at + 8, Fix32.pack(f.right()));
                b.putInt(at + 12, Fix32.pack(f.bottom()));
            }
            case HANDLE -> {
                if (pointerSize == 8) {
                    b.putLong(at, longOf(value));
                } else {
                    b.putInt(at, (int) longOf(value));
                }
            }
            default -> {
                boolean wide = type == ItemType.UNI512;
                byte[] s = ((String) value).getBytes(wide ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                int room = type.size(pointerSize) - (wide ? 2 : 1);
                for (int i = 0; i < Math.min(room, s.length); i++) {
                    b.put(at + i, s[i]);
                }
            }
        }
    }

    private static long longOf(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        return ((Number) value).longValue();
    }

    private static String text(ByteBuffer b, int at, int size, boolean wide) {
        byte[] raw = new byte[size];
        b.get(at, raw);
        int n = 0;
        if (wide) {
            while (n + 1 < size && (raw[n] != 0 || raw[n + 1] != 0)) {
                n += 2;
            }
            return new String(raw, 0, n, StandardCharsets.UTF_16LE);
        }
        while (n < size && raw[n] != 0) {
            n++;
        }
        return new String(raw, 0, n, StandardCharsets.ISO_8859_1);
    }
}
