package org.scanstation.scan.driver.twain;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.win32.StdCallLibrary;
import java.nio.charset.StandardCharsets;

/**
 * Minimal JNA binding of the TWAIN Data Source Manager ({@code TWAINDSM.dll}, TWAIN 2.x), enough to
 * open the manager and enumerate data sources. Layouts follow {@code twain.h} (structures packed to
 * 2 bytes on Windows). <b>Not exercised by any test</b>: TWAIN exists only on Windows, and the
 * station's CI runs on Linux.
 */
interface TwainDsm extends StdCallLibrary {

    int DG_CONTROL = 0x0001;
    int DG_IMAGE = 0x0002;
    int DF_APP2 = 0x20000000;
    short DAT_IDENTITY = 0x0003;
    short DAT_PARENT = 0x0004;
    short MSG_GETFIRST = 0x0004;
    short MSG_GETNEXT = 0x0005;
    short MSG_OPENDSM = 0x0301;
    short MSG_CLOSEDSM = 0x0302;
    short TWRC_SUCCESS = 0;
    short TWRC_ENDOFLIST = 7;
    short TWLG_ENGLISH = 2;
    short TWCY_UNITEDKINGDOM = 44;

    /** Loads TWAINDSM.dll (throws {@link UnsatisfiedLinkError} when it is not installed). */
    static TwainDsm load() {
        return Native.load("TWAINDSM", TwainDsm.class);
    }

    /** {@code TW_UINT16 DSM_Entry(pTW_IDENTITY, pTW_IDENTITY, TW_UINT32, TW_UINT16, TW_UINT16, TW_MEMREF)}. */
    short DSM_Entry(TwIdentity origin, TwIdentity dest, int dg, short dat, short msg, Pointer data);

    /** Same, with an identity as the data (for DAT_IDENTITY messages). */
    short DSM_Entry(TwIdentity origin, TwIdentity dest, int dg, short dat, short msg, TwIdentity data);

    /** {@code TW_VERSION}. */
    @Structure.FieldOrder({"majorNum", "minorNum", "language", "country", "info"})
    class TwVersion extends Structure {
        public short majorNum;
        public short minorNum;
        public short language;
        public short country;
        public byte[] info = new byte[34];

        public TwVersion() {
            super(ALIGN_NONE);
        }
    }

    /** {@code TW_IDENTITY}: who is talking (the application) or a data source (a scanner). */
    @Structure.FieldOrder({"id", "version", "protocolMajor", "protocolMinor", "supportedGroups",
            "manufacturer", "productFamily", "productName"})
    class TwIdentity extends Structure {
        public int id;
        public TwVersion version = new TwVersion();
        public short protocolMajor;
        public short protocolMinor;
        public int supportedGroups;
        public byte[] manufacturer = new byte[34];
        public byte[] productFamily = new byte[34];
        public byte[] productName = new byte[34];

        public TwIdentity() {
            super(ALIGN_NONE);
        }

        static TwIdentity application() {
            TwIdentity app = new TwIdentity();
            app.version.majorNum = 1;
            app.version.language = TWLG_ENGLISH;
            app.version.country = TWCY_UNITEDKINGDOM;
            put(app.version.info, "ScanStation");
            app.protocolMajor = 2;
            app.protocolMinor = 4;
            app.supportedGroups = DG_CONTROL | DG_IMAGE | DF_APP2;
            put(app.manufacturer, "ScanStation");
            put(app.productFamily, "ScanStation");
            put(app.productName, "ScanStation");
            return app;
        }

        String productName() {
            return get(productName);
        }

        String manufacturer() {
            return get(manufacturer);
        }

        private static void put(byte[] field, String value) {
            byte[] b = value.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(b, 0, field, 0, Math.min(b.length, field.length - 1));
        }

        private static String get(byte[] field) {
            int n = 0;
            while (n < field.length && field[n] != 0) {
                n++;
            }
            return new String(field, 0, n, StandardCharsets.ISO_8859_1);
        }
    }
}
