package org.scanstation.scan.driver.twain;

/** The numbers of {@code twain.h} (TWAIN 2.4) this driver uses, under their names in the specification. */
final class TwainConstants {

    private TwainConstants() {
    }

    // data groups and flags of TW_IDENTITY.SupportedGroups
    static final int DG_CONTROL = 0x0001;
    static final int DG_IMAGE = 0x0002;
    static final int DF_DSM2 = 0x10000000;
    static final int DF_APP2 = 0x20000000;
    static final int DF_DS2 = 0x40000000;

    // data argument types
    static final short DAT_NULL = 0x0000;
    static final short DAT_CAPABILITY = 0x0001;
    static final short DAT_EVENT = 0x0002;
    static final short DAT_IDENTITY = 0x0003;
    static final short DAT_PARENT = 0x0004;
    static final short DAT_PENDINGXFERS = 0x0005;
    static final short DAT_SETUPMEMXFER = 0x0006;
    static final short DAT_STATUS = 0x0008;
    static final short DAT_USERINTERFACE = 0x0009;
    static final short DAT_CALLBACK = 0x0010;
    static final short DAT_IMAGEINFO = 0x0101;
    static final short DAT_IMAGELAYOUT = 0x0102;
    static final short DAT_IMAGEMEMXFER = 0x0103;
    static final short DAT_IMAGENATIVEXFER = 0x0104;
    static final short DAT_ENTRYPOINT = 0x0403;

    // messages
    static final short MSG_NULL = 0x0000;
    static final short MSG_GET = 0x0001;
    static final short MSG_GETCURRENT = 0x0002;
    static final short MSG_GETDEFAULT = 0x0003;
    static final short MSG_GETFIRST = 0x0004;
    static final short MSG_GETNEXT = 0x0005;
    static final short MSG_SET = 0x0006;
    static final short MSG_RESET = 0x0007;
    static final short MSG_XFERREADY = 0x0101;
    static final short MSG_CLOSEDSREQ = 0x0102;
    static final short MSG_CLOSEDSOK = 0x0103;
    static final short MSG_DEVICEEVENT = 0x0104;
    static final short MSG_OPENDSM = 0x0301;
    static final short MSG_CLOSEDSM = 0x0302;
    static final short MSG_OPENDS = 0x0401;
    static final short MSG_CLOSEDS = 0x0402;
    static final short MSG_DISABLEDS = 0x0501;
    static final short MSG_ENABLEDS = 0x0502;
    static final short MSG_PROCESSEVENT = 0x0601;
    static final short MSG_ENDXFER = 0x0701;
    static final short MSG_REGISTER_CALLBACK = 0x0902;

    // return codes
    static final int TWRC_SUCCESS = 0;
    static final int TWRC_FAILURE = 1;
    static final int TWRC_CHECKSTATUS = 2;
    static final int TWRC_CANCEL = 3;
    static final int TWRC_DSEVENT = 4;
    static final int TWRC_NOTDSEVENT = 5;
    static final int TWRC_XFERDONE = 6;
    static final int TWRC_ENDOFLIST = 7;
    static final int TWRC_BUSY = 10;
    static final int TWRC_SCANNERLOCKED = 11;

    // container types
    static final int TWON_ARRAY = 3;
    static final int TWON_ENUMERATION = 4;
    static final int TWON_ONEVALUE = 5;
    static final int TWON_RANGE = 6;
    static final int TWON_DONTCARE16 = 0xFFFF;

    // memory flags
    static final int TWMF_APPOWNS = 0x0001;
    static final int TWMF_POINTER = 0x0008;

    // capabilities
    static final int CAP_XFERCOUNT = 0x0001;
    static final int ICAP_COMPRESSION = 0x0100;
    static final int ICAP_PIXELTYPE = 0x0101;
    static final int ICAP_UNITS = 0x0102;
    static final int ICAP_XFERMECH = 0x0103;
    static final int CAP_FEEDERENABLED = 0x1002;
    static final int CAP_FEEDERLOADED = 0x1003;
    static final int CAP_AUTOFEED = 0x1007;
    static final int CAP_INDICATORS = 0x100b;
    static final int CAP_DUPLEX = 0x1012;
    static final int CAP_DUPLEXENABLED = 0x1013;
    static final int ICAP_PHYSICALWIDTH = 0x1111;
    static final int ICAP_PHYSICALHEIGHT = 0x1112;
    static final int ICAP_XRESOLUTION = 0x1118;
    static final int ICAP_YRESOLUTION = 0x1119;
    static final int ICAP_BITORDER = 0x111c;
    static final int ICAP_PIXELFLAVOR = 0x111f;
    static final int ICAP_SUPPORTEDSIZES = 0x1122;
    static final int ICAP_BITDEPTH = 0x112b;
    static final int ICAP_AUTODISCARDBLANKPAGES = 0x1134;

    // capability values
    static final int TWPT_BW = 0;
    static final int TWPT_GRAY = 1;
    static final int TWPT_RGB = 2;
    static final int TWSX_NATIVE = 0;
    static final int TWSX_MEMORY = 2;
    static final int TWUN_INCHES = 0;
    static final int TWBO_LSBFIRST = 0;
    static final int TWBO_MSBFIRST = 1;
    static final int TWPF_CHOCOLATE = 0;
    static final int TWPF_VANILLA = 1;
    static final int TWCP_NONE = 0;
    static final int TWDX_NONE = 0;
    static final int TWBP_DISABLE = -2;
    static final int TWSS_NONE = 0;
    static final int TWSS_A4 = 1;
    static final int TWSS_USLETTER = 3;
    static final int TWSS_USLEGAL = 4;
    static final int TWSS_A5 = 5;

    // identity
    static final int TWLG_ENGLISH_UK = 52;
    static final int TWCY_UNITEDKINGDOM = 44;
}
