package org.scanstation.scan.driver.twain;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import java.nio.charset.StandardCharsets;

/**
 * The TWAIN structures the driver exchanges with the manager, mapped with JNA. {@code twain.h} packs
 * them to 2 bytes ({@code #pragma pack(2)}); with {@link Structure#ALIGN_NONE} and only 2- and
 * 4-byte fields plus pointers at even offsets, the layout is the same. Sizes on 64-bit Linux and
 * Windows: TW_IDENTITY 156, TW_ENTRYPOINT 44, TW_CALLBACK 14, TW_CAPABILITY 12, TW_USERINTERFACE 12,
 * TW_IMAGEINFO 42, TW_PENDINGXFERS 6, TW_IMAGEMEMXFER 42, TW_EVENT 10 (checked by a test).
 */
final class TwainStructs {

    private TwainStructs() {
    }

    /** A packed structure. */
    abstract static class Packed extends Structure {
        Packed() {
            super(ALIGN_NONE);
        }

        Packed(Pointer p) {
            super(p, ALIGN_NONE);
        }
    }

    @Structure.FieldOrder({"MajorNum", "MinorNum", "Language", "Country", "Info"})
    public static class TwVersion extends Packed {
        public short MajorNum;
        public short MinorNum;
        public short Language;
        public short Country;
        public byte[] Info = new byte[34];
    }

    /** {@code TW_IDENTITY}: the application, or a data source (a scanner driver). */
    @Structure.FieldOrder({"Id", "Version", "ProtocolMajor", "ProtocolMinor", "SupportedGroups",
            "Manufacturer", "ProductFamily", "ProductName"})
    public static class TwIdentity extends Packed {
        public int Id;
        public TwVersion Version = new TwVersion();
        public short ProtocolMajor;
        public short ProtocolMinor;
        public int SupportedGroups;
        public byte[] Manufacturer = new byte[34];
        public byte[] ProductFamily = new byte[34];
        public byte[] ProductName = new byte[34];

        String productName() {
            return text(ProductName);
        }

        String manufacturer() {
            return text(Manufacturer);
        }

        String productFamily() {
            return text(ProductFamily);
        }

        void setProductName(String name) {
            put(ProductName, name);
        }

        /** The identity a TWAIN 2 application presents: memory through the manager, events through a callback. */
        static TwIdentity application() {
            TwIdentity app = new TwIdentity();
            app.Version.MajorNum = 1;
            app.Version.MinorNum = 0;
            app.Version.Language = (short) TwainConstants.TWLG_ENGLISH_UK;
            app.Version.Country = (short) TwainConstants.TWCY_UNITEDKINGDOM;
            put(app.Version.Info, "ScanStation");
            app.ProtocolMajor = 2;
            app.ProtocolMinor = 4;
            app.SupportedGroups = TwainConstants.DF_APP2 | TwainConstants.DG_CONTROL | TwainConstants.DG_IMAGE;
            put(app.Manufacturer, "ScanStation");
            put(app.ProductFamily, "Health records scanning");
            put(app.ProductName, "ScanStation");
            return app;
        }
    }

    /** {@code TW_USERINTERFACE}: the driver's own window shown or not (never, here). */
    @Structure.FieldOrder({"ShowUI", "ModalUI", "hParent"})
    public static class TwUserInterface extends Packed {
        public short ShowUI;
        public short ModalUI;
        public Pointer hParent;
    }

    /** {@code TW_PENDINGXFERS}: how many transfers are left (0xFFFF: more, count unknown). */
    @Structure.FieldOrder({"Count", "EOJ"})
    public static class TwPendingXfers extends Packed {
        public short Count;
        public int EOJ;
    }

    /** {@code TW_IMAGEINFO}: the page about to be transferred. */
    @Structure.FieldOrder({"XResolution", "YResolution", "ImageWidth", "ImageLength", "SamplesPerPixel",
            "BitsPerSample", "BitsPerPixel", "Planar", "PixelType", "Compression"})
    public static class TwImageInfo extends Packed {
        public int XResolution;
        public int YResolution;
        public int ImageWidth;
        public int ImageLength;
        public short SamplesPerPixel;
        public short[] BitsPerSample = new short[8];
        public short BitsPerPixel;
        public short Planar;
        public short PixelType;
        public short Compression;
    }

    /** {@code TW_SETUPMEMXFER}: buffer sizes the source wants for memory transfers. */
    @Structure.FieldOrder({"MinBufSize", "MaxBufSize", "Preferred"})
    public static class TwSetupMemXfer extends Packed {
        public int MinBufSize;
        public int MaxBufSize;
        public int Preferred;
    }

    /** {@code TW_IMAGEMEMXFER} with its {@code TW_MEMORY} inline: one strip of a memory transfer. */
    @Structure.FieldOrder({"Compression", "BytesPerRow", "Columns", "Rows", "XOffset", "YOffset", "BytesWritten",
            "Flags", "Length", "TheMem"})
    public static class TwImageMemXfer extends Packed {
        public short Compression;
        public int BytesPerRow;
        public int Columns;
        public int Rows;
        public int XOffset;
        public int YOffset;
        public int BytesWritten;
        public int Flags;
        public int Length;
        public Pointer TheMem;
    }

    /** {@code TW_ENTRYPOINT}: the manager's memory functions. {@code Size} must be exactly this structure's size. */
    @Structure.FieldOrder({"Size", "DSM_Entry", "DSM_MemAllocate", "DSM_MemFree", "DSM_MemLock", "DSM_MemUnlock"})
    public static class TwEntryPoint extends Packed {
        public int Size;
        public Pointer DSM_Entry;
        public Pointer DSM_MemAllocate;
        public Pointer DSM_MemFree;
        public Pointer DSM_MemLock;
        public Pointer DSM_MemUnlock;
    }

    /** {@code TW_CALLBACK}: registers the application's callback with a data source. */
    @Structure.FieldOrder({"CallBackProc", "RefCon", "Message"})
    public static class TwCallback extends Packed {
        public Pointer CallBackProc;
        public int RefCon;
        public short Message;
    }

    /** {@code TW_EVENT}: a window message offered to the source ({@code pEvent}), and what it made of it. */
    @Structure.FieldOrder({"pEvent", "TWMessage"})
    public static class TwEvent extends Packed {
        public Pointer pEvent;
        public short TWMessage;
    }

    /** {@code TW_STATUS}: the condition code of the last failure. */
    @Structure.FieldOrder({"ConditionCode", "Data"})
    public static class TwStatus extends Packed {
        public short ConditionCode;
        public short Data;
    }

    /** {@code TW_CAPABILITY}: which capability, its container type and a handle to the container. */
    @Structure.FieldOrder({"Cap", "ConType", "hContainer"})
    public static class TwCapability extends Packed {
        public short Cap;
        public short ConType;
        public Pointer hContainer;
    }

    /** {@code TW_IMAGELAYOUT}: the frame to scan, in the current units. */
    @Structure.FieldOrder({"Left", "Top", "Right", "Bottom", "DocumentNumber", "PageNumber", "FrameNumber"})
    public static class TwImageLayout extends Packed {
        public int Left;
        public int Top;
        public int Right;
        public int Bottom;
        public int DocumentNumber;
        public int PageNumber;
        public int FrameNumber;
    }

    static void put(byte[] field, String value) {
        java.util.Arrays.fill(field, (byte) 0);
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(b, 0, field, 0, Math.min(b.length, field.length - 1));
    }

    static String text(byte[] field) {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        return new String(field, 0, n, StandardCharsets.ISO_8859_1);
    }
}
